package org.tiqu.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.tiqu.api.Result;
import org.tiqu.api.Tiqu;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.source.JsonlDocument;
import org.tiqu.source.JsonlLines;

/**
 * {@code tiqu extract --stdout}: the records of every document as JSON lines on standard
 * output, in input order, and nothing written anywhere else, so that
 * {@code cat x.txt | tiqu extract - --stdout | jq} works. Standard input ({@code -}) is one
 * document (id {@code stdin}), or a JSONL corpus with {@code --format jsonl}. There is no
 * manifest: a record's offsets count code points of the text it was made from (the decoded
 * file, the article text of an HTML page, the text value of a JSONL line).
 *
 * <p>Documents run on the worker threads, at most a few ahead of the one being written, so
 * that memory stays that of a few documents however long the input.
 */
public final class StreamRun {

    /** How standard input is read. */
    public enum StdinFormat { TEXT, HTML, JSONL }

    /** The id of the one document read from standard input. */
    public static final String STDIN_ID = "stdin";

    private final BatchOptions options;
    private final OutputStream out;
    private final PrintStream log;
    /** The library every document goes through, as in a batch. */
    private final Tiqu tiqu;
    private int failed;
    private int documents;

    public StreamRun(Pipeline pipeline, BatchOptions options, OutputStream out, PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
        this.tiqu = Tiqu.of(pipeline, BatchRunner.apiOptions(options));
    }

    /** A document to do: how the library reads it, or why it cannot be read. */
    private record Item(String label, java.util.concurrent.Callable<Result> extraction, String error) {
    }

    /**
     * Writes the records of {@code inputs} ({@code -} for standard input) to the output stream;
     * returns the number of documents that failed (each named on the log).
     */
    public int run(List<String> inputs, InputStream stdin, StdinFormat stdinFormat, InputFilter filter) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "tiqu-worker");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Result>> pending = new ArrayDeque<>();
        Deque<String> labels = new ArrayDeque<>();
        try {
            Sink sink = item -> {
                documents++;
                if (item.error() != null) {
                    pending.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                    labels.add(item.label() + ": " + item.error());
                } else {
                    pending.add(workers.submit(item.extraction()));
                    labels.add(item.label());
                }
                while (pending.size() > options.threads() * 2) {
                    writeNext(pending, labels);
                }
            };
            for (String input : inputs) {
                if (input.equals("-")) {
                    readStdin(stdin, stdinFormat, sink);
                } else {
                    InputFiles.Selection selection = InputFiles.select(List.of(Path.of(input)), null, filter);
                    selection.passedOver().forEach(note -> log.println("tiqu: not read: " + note));
                    for (InputFiles.Input file : selection.files()) {
                        readFile(file, sink);
                    }
                }
            }
            while (!pending.isEmpty()) {
                writeNext(pending, labels);
            }
        } finally {
            workers.shutdownNow();
            out.flush();
        }
        return failed;
    }

    public int documents() {
        return documents;
    }

    private interface Sink {
        void accept(Item item) throws IOException;
    }

    private void writeNext(Deque<Future<Result>> pending, Deque<String> labels) throws IOException {
        Future<Result> next = pending.removeFirst();
        String label = labels.removeFirst();
        try {
            Result result = next.get();
            if (result == null) {
                fail(label);
            } else if (!result.ok()) {
                fail(label + ": " + result.error());
            } else {
                result.writeRecords(out);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            fail(label + ": " + (cause instanceof org.tiqu.TiquException ? cause.getMessage()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.tiqu.TiquException("interrupted", e);
        }
    }

    private void fail(String message) {
        failed++;
        log.println("tiqu: failed " + message);
    }

    private void readStdin(InputStream stdin, StdinFormat format, Sink sink) throws IOException {
        Path name = Path.of("-");
        if (format == StdinFormat.JSONL) {
            readLines(new JsonlLines(stdin), name, STDIN_ID, "standard input", sink);
            return;
        }
        byte[] bytes = stdin.readAllBytes();
        sink.accept(new Item("standard input", () -> tiqu.extract(STDIN_ID, bytes, name, format == StdinFormat.HTML), null));
    }

    private void readFile(InputFiles.Input file, Sink sink) throws IOException {
        Path path = file.path();
        if (JsonlLines.isJsonl(path)) {
            String fileId = file.id().endsWith(".jsonl") ? file.id().substring(0, file.id().length() - 6) : file.id();
            try (JsonlLines lines = JsonlLines.open(path)) {
                readLines(lines, path, fileId, path.toString(), sink);
            } catch (IOException e) {
                sink.accept(new Item(path.toString(), null, "unreadable: " + IoReasons.of(e)));
            }
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            sink.accept(new Item(path.toString(), null, "unreadable: " + IoReasons.of(e)));
            return;
        }
        sink.accept(new Item(path.toString(), () -> tiqu.extract(file.id(), bytes, path), null));
    }

    private void readLines(JsonlLines lines, Path path, String fileId, String label, Sink sink) throws IOException {
        for (JsonlLines.Line line = lines.next(); line != null; line = lines.next()) {
            JsonlLines.Line l = line;
            sink.accept(new Item(label + ":" + line.number(), () -> tiqu.extractJsonLine(l.bytes(), l.number(),
                    JsonlDocument.fallbackId(fileId, l.number()), path), null));
        }
    }
}
