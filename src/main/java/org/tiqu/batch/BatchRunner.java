package org.tiqu.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.tiqu.TiquException;
import org.tiqu.output.AtomicFiles;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.ManifestJournal;
import org.tiqu.output.MetricsCsv;
import org.tiqu.output.RecordJson;
import org.tiqu.output.html.AuditPage;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Record;
import org.tiqu.source.HtmlArticle;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/**
 * Runs the pipeline over a folder of sources, incrementally and in parallel.
 *
 * <ul>
 * <li>A source whose bytes, rules, code and {@code --reference-date} are those the manifest
 *     recorded is skipped; its entry and records stay. Changed sources are redone.</li>
 * <li>Workers share the one loaded pipeline. Each writes its document's files atomically,
 *     then its entry to the {@link ManifestJournal}; the manifest is rewritten every few
 *     seconds and at the end. A run killed at any point leaves only whole files, and the
 *     next run, reading the journal over the manifest, redoes only the documents that
 *     were in progress.</li>
 * <li>Nothing written depends on the order documents finish in: the manifest lists
 *     entries by source path, so output is byte for byte the same for any thread count.</li>
 * <li>Records of sources that are gone are removed only with {@code prune}.</li>
 * </ul>
 * At the end {@code metrics.csv} and {@code audit.html} are written from the whole manifest.
 */
public final class BatchRunner {

    public static final String VERSION = "0.1.0";

    private final Pipeline pipeline;
    private final Path outDir;
    private final BatchOptions options;
    private final PrintStream log;
    private final SourceReader reader = new SourceReader();
    private final HtmlArticle html = new HtmlArticle();
    private final ManifestJournal journal;
    /** How often a running batch rewrites the whole manifest; the journal holds every document at once. */
    private static final long MANIFEST_INTERVAL_NANOS = 2_000_000_000L;
    private long lastManifestWrite = System.nanoTime();

    public BatchRunner(Pipeline pipeline, Path outDir, PrintStream log, BatchOptions options) {
        this.pipeline = pipeline;
        this.outDir = outDir;
        this.options = options;
        this.log = log;
        this.journal = new ManifestJournal(outDir);
    }

    /** A batch with the default options: all cores, no pruning, log lines. */
    public BatchRunner(Pipeline pipeline, Path outDir, LocalDate referenceDate, PrintStream log) {
        this(pipeline, outDir, log, BatchOptions.defaults().withReferenceDate(referenceDate));
    }

    /** What became of one source in this run. */
    private enum Outcome { DONE, SKIPPED, FAILED }

    private record Result(Path file, DocumentEntry entry, Outcome outcome) {
    }

    public BatchSummary run(List<Path> inputs) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(outDir);
        removeLeftoverTemporaries();
        TreeMap<String, DocumentEntry> entries = knownEntries(outDir);
        List<Path> files = InputFiles.expand(inputs);
        Map<String, String> idOwners = new HashMap<>();
        entries.values().stream().filter(e -> e.doc() != null && e.ok())
                .forEach(e -> idOwners.putIfAbsent(e.doc(), e.source()));

        List<Result> results = new ArrayList<>();
        int pruned = options.prune() ? prune(entries, idOwners) : 0;
        long gone = entries.keySet().stream().filter(source -> !Files.exists(outDir.resolve(source).normalize())).count();
        if (gone > 0) {
            log.println("tiqu: " + gone + " source(s) in the manifest are gone; their records are kept (--prune removes them)");
        }
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "tiqu-worker");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Result> completion = new ExecutorCompletionService<>(workers);
        int submitted = 0;
        try (Progress progress = Progress.of(options.progressBar(), files.size(), log)) {
            for (Path file : files) {
                String source = relative(file);
                String id = SourceReader.idOf(file);
                String owner = idOwners.putIfAbsent(id, source);
                if (owner != null && !owner.equals(source)) {
                    Result clash = new Result(file, DocumentEntry.failed(null, source, null, formatOf(file),
                            "document id '" + id + "' is already taken by " + owner), Outcome.FAILED);
                    synchronized (entries) {
                        record(clash, entries, results, progress);
                    }
                    continue;
                }
                DocumentEntry previous = entries.get(source);
                completion.submit(() -> {
                    Result result = processWithinMemory(file, source, id, previous);
                    // In the worker, right after its files: a document is in the manifest as soon as it is done.
                    synchronized (entries) {
                        record(result, entries, results, progress);
                    }
                    return result;
                });
                submitted++;
            }
            for (int i = 0; i < submitted; i++) {
                take(completion);
            }
        } finally {
            workers.shutdownNow();
        }
        boolean changed = pruned > 0 || results.stream().anyMatch(r -> r.outcome() != Outcome.SKIPPED);
        if (changed || !journal.entries().isEmpty()) {
            manifest(entries).write(outDir);
        }
        journal.clear();
        if (changed || !Files.isRegularFile(outDir.resolve(MetricsCsv.FILE_NAME))
                || !Files.isRegularFile(outDir.resolve(AuditPage.FILE_NAME))) {
            // Made from the whole manifest; when no entry changed they are as they were.
            Manifest manifest = manifest(entries);
            MetricsCsv.write(outDir, manifest);
            AuditPage.write(outDir, manifest);
        }
        return summarise(results, pruned, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Called with {@code entries} locked: adds a document's outcome and rewrites the manifest when it changed. */
    /** What is known of an output folder: the manifest, read over by the journal of a run that did not finish. */
    static TreeMap<String, DocumentEntry> knownEntries(Path outDir) throws IOException {
        TreeMap<String, DocumentEntry> entries = new TreeMap<>();
        if (Manifest.exists(outDir)) {
            Manifest.read(outDir).documents().forEach(e -> entries.put(e.source(), e));
        }
        new ManifestJournal(outDir).entries().forEach(e -> entries.put(e.source(), e));
        return entries;
    }

    private void record(Result result, TreeMap<String, DocumentEntry> entries, List<Result> results,
                        Progress progress) {
        results.add(result);
        entries.put(result.entry().source(), result.entry());
        if (result.outcome() != Outcome.SKIPPED) {
            try {
                journal.record(result.entry());
                // The manifest itself follows now and then, for whoever watches the run.
                if (System.nanoTime() - lastManifestWrite > MANIFEST_INTERVAL_NANOS) {
                    manifest(entries).write(outDir);
                    lastManifestWrite = System.nanoTime();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record " + result.entry().source() + " in " + outDir, e);
            }
        }
        if (result.outcome() == Outcome.FAILED) {
            log.println("tiqu: failed " + result.file() + ": " + result.entry().error());
        }
        progress.step(result.outcome().name().toLowerCase());
    }

    private static Result take(ExecutorCompletionService<Result> completion) throws IOException {
        try {
            return completion.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TiquException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            // processOne turns every document's failure into a failed entry; this is a bug.
            throw new IllegalStateException("batch worker died", e.getCause());
        }
    }

    private Manifest manifest(TreeMap<String, DocumentEntry> entries) {
        return new Manifest("tiqu", VERSION, pipeline.rules().dir().toString(), pipeline.rules().sha256(),
                referenceDate(), List.copyOf(entries.values()));
    }

    private String referenceDate() {
        return options.referenceDate() == null ? null : options.referenceDate().toString();
    }

    /**
     * {@link #processOne}, with running out of heap on one document (a pathological file with
     * a million records) made that document's failure instead of the batch's: what it held is
     * garbage once the stack unwinds, and the next document starts afresh.
     */
    private Result processWithinMemory(Path file, String source, String id, DocumentEntry previous) {
        try {
            return processOne(file, source, id, previous);
        } catch (OutOfMemoryError e) {
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return failed(file, previous, DocumentEntry.failed(id, source, null, formatOf(file),
                    "out of memory: the document needs more than the " + maxMb + " MB heap"
                            + " (set a larger one with TIQU_JAVA_OPTS=\"-Xmx2g\" and run again)"));
        }
    }

    /** Runs on a worker thread: never throws, a document's failure becomes a failed entry. */
    private Result processOne(Path file, String source, String id, DocumentEntry previous) {
        String format = formatOf(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(file, previous, DocumentEntry.failed(null, source, null, format,
                    "unreadable: cannot read " + file + ": " + e.getMessage()));
        }
        String sha256 = SourceReader.sha256(bytes);
        if (unchanged(previous, sha256)) {
            return new Result(file, previous, Outcome.SKIPPED);
        }
        SourceText text;
        try {
            text = HtmlArticle.isHtml(file) ? html.read(id, file, bytes) : reader.decode(id, file, bytes);
        } catch (SourceException e) {
            return failed(file, previous, DocumentEntry.failed(id, source, sha256, format,
                    e.reason().name().toLowerCase() + ": " + e.getMessage()));
        }
        try {
            DocumentResult result = pipeline.process(text, options.referenceDate(), options.budget());
            List<Record> records = result.records();
            String textPath = null;
            if (format.equals(DocumentEntry.FORMAT_HTML)) {
                textPath = "text/" + id + ".txt";
                AtomicFiles.write(outDir.resolve(textPath), text.text().getBytes(StandardCharsets.UTF_8));
            }
            String recordsPath = "records/" + id + ".jsonl";
            AtomicFiles.write(outDir.resolve(recordsPath), out -> RecordJson.writeLines(records, out));
            Map<String, Integer> counts = new LinkedHashMap<>();
            records.forEach(r -> counts.merge(r.type().name(), 1, Integer::sum));
            DocumentEntry entry = new DocumentEntry(id, source, sha256, format, text.encoding(), text.hadBom(),
                    textPath == null ? DocumentEntry.OFFSETS_SOURCE : DocumentEntry.OFFSETS_TEXT, textPath,
                    DocumentEntry.OK, recordsPath, counts, result.document().reference(),
                    pipeline.rules().sha256(), CodeDigest.value(), referenceDate(), null);
            return new Result(file, entry, Outcome.DONE);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof TiquException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return failed(file, previous, DocumentEntry.failed(id, source, sha256, format, why));
        }
    }

    private boolean unchanged(DocumentEntry previous, String sha256) {
        return previous != null && previous.ok()
                && sha256.equals(previous.sha256())
                && pipeline.rules().sha256().equals(previous.rulesSha256())
                && CodeDigest.value().equals(previous.codeSha256())
                && Objects.equals(referenceDate(), previous.referenceDate())
                && Files.isRegularFile(outDir.resolve(previous.records()))
                && (previous.text() == null || Files.isRegularFile(outDir.resolve(previous.text())));
    }

    /** A failed document keeps no records: those of an earlier version would no longer match its source. */
    private Result failed(Path file, DocumentEntry previous, DocumentEntry entry) {
        if (previous != null) {
            deleteOutputs(previous);
        }
        return new Result(file, entry, Outcome.FAILED);
    }

    /** Removes the entries and files of documents whose source is gone. */
    private int prune(TreeMap<String, DocumentEntry> entries, Map<String, String> idOwners) throws IOException {
        List<String> gone = entries.keySet().stream()
                .filter(source -> !Files.exists(outDir.resolve(source).normalize())).toList();
        for (String source : gone) {
            DocumentEntry entry = entries.remove(source);
            deleteOutputs(entry);
            journal.forget(source);
            if (entry.doc() != null) {
                idOwners.remove(entry.doc(), source);
            }
            log.println("tiqu: pruned " + source + " (source gone)");
        }
        if (!gone.isEmpty()) {
            manifest(entries).write(outDir);
        }
        return gone.size();
    }

    private void deleteOutputs(DocumentEntry entry) {
        for (String path : new String[] {entry.records(), entry.text()}) {
            if (path != null) {
                try {
                    Files.deleteIfExists(outDir.resolve(path));
                } catch (IOException e) {
                    log.println("tiqu: cannot remove " + path + ": " + e.getMessage());
                }
            }
        }
    }

    /** A run killed while writing leaves its temporary files ({@code .name.random.tmp}); they are never read. */
    private void removeLeftoverTemporaries() throws IOException {
        for (Path dir : List.of(outDir, outDir.resolve("records"), outDir.resolve("text"), journal.dir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(BatchRunner::isTemporary).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static BatchSummary summarise(List<Result> results, int pruned, Duration elapsed) {
        int done = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        Map<String, Integer> totals = new TreeMap<>();
        for (Result r : results) {
            switch (r.outcome()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed.add(r.file().toString());
            }
            if (r.entry().ok()) {
                r.entry().counts().forEach((type, n) -> totals.merge(type, n, Integer::sum));
            }
        }
        failed.sort(null);
        return new BatchSummary(done, skipped, List.copyOf(failed), pruned, totals, elapsed);
    }

    private static String formatOf(Path file) {
        return HtmlArticle.isHtml(file) ? DocumentEntry.FORMAT_HTML : DocumentEntry.FORMAT_TEXT;
    }

    /** The path of {@code file} as seen from the output folder, so that the two can move together. */
    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return outDir.toAbsolutePath().normalize().relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
