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
import org.tiqu.api.Options;
import org.tiqu.api.Tiqu;
import org.tiqu.document.ReferenceTime;
import org.tiqu.output.AtomicFiles;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.ManifestJournal;
import org.tiqu.output.MentionsCsv;
import org.tiqu.output.MetricsCsv;
import org.tiqu.output.OutputFolderException;
import org.tiqu.output.OutputPaths;
import org.tiqu.output.html.AuditPage;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.source.HtmlArticle;
import org.tiqu.source.JsonlDocument;
import org.tiqu.source.JsonlLines;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;

/**
 * Runs the pipeline over a folder of sources, incrementally and in parallel.
 *
 * <ul>
 * <li>One run at a time writes an output folder ({@link OutputLock}); the folder is known by
 *     its real path, so a link to it is the same folder.</li>
 * <li>A source whose bytes, rules, code, {@code --reference-date} and document id are those the
 *     manifest recorded is skipped; its entry and records stay. Changed sources are redone.</li>
 * <li>Workers share the one loaded pipeline. Each writes its document's files atomically,
 *     then appends its entry to the {@link ManifestJournal}; every {@value #COMMIT_DOCUMENTS}
 *     documents or 30 seconds the journal forces the group's files and itself to disk (group
 *     commit), and the manifest is written once, at the end. A run killed at any point leaves
 *     only whole files, and the next run, reading the journal over the manifest, redoes only
 *     the documents that were in progress; after a power loss, those of the last group too.</li>
 * <li>Nothing written depends on the order documents finish in: the manifest lists
 *     entries by source path, so output is byte for byte the same for any thread count.</li>
 * <li>Records of sources that are gone are removed only with {@code prune}.</li>
 * <li>Every document runs within its time budget, from reading its file to writing its
 *     records; one that overruns, runs out of heap or of stack fails alone.</li>
 * </ul>
 * At the end {@code metrics.csv} and {@code audit.html} are made from the whole manifest
 * ({@link DerivedFiles}), before the journal is cleared: a run stopped in between leaves the
 * journal, or a stale stamp, and the next run makes them again.
 */
public final class BatchRunner {

    public static final String VERSION = "0.1.0";

    private final Pipeline pipeline;
    private final Path outDir;
    private final BatchOptions options;
    private final PrintStream log;
    /** The library every document goes through: decoding, the time budget, failures, the records' bytes. */
    private final Tiqu tiqu;
    /**
     * Group commit (issue 19): records are written without forcing them; every this many
     * documents, or this often, the journal forces the group's files and its segment together.
     * A power loss costs at most one group's work, done again; a killed process costs nothing.
     */
    static final int COMMIT_DOCUMENTS = 5000;
    static final long COMMIT_INTERVAL_NANOS = 30_000_000_000L;
    private long lastCommit = System.nanoTime();

    /**
     * A named moment of the run at which a test may stop the process as kill -9 would
     * ({@code -Dtiqu.test.haltAt=after-manifest}): the randomised kill test cannot hit the few
     * milliseconds of the final phase on purpose. Never set outside tests.
     */
    private static final String HALT_AT = System.getProperty("tiqu.test.haltAt");

    public BatchRunner(Pipeline pipeline, Path outDir, PrintStream log, BatchOptions options) {
        this.pipeline = pipeline;
        this.outDir = outDir;
        this.options = options;
        this.log = log;
        this.tiqu = Tiqu.of(pipeline, apiOptions(options));
    }

    /** What of a batch's options the library reads documents with. */
    static Options apiOptions(BatchOptions options) {
        return new Options(options.referenceDate(), options.budget(), options.idField(), options.textField());
    }

    /** A batch with the default options: all cores, no pruning, log lines. */
    public BatchRunner(Pipeline pipeline, Path outDir, LocalDate referenceDate, PrintStream log) {
        this(pipeline, outDir, log, BatchOptions.defaults().withReferenceDate(referenceDate));
    }

    /** What became of one source in this run. */
    private enum Outcome { DONE, SKIPPED, FAILED }

    /** @param label the file, and the line of a corpus document; @param textSha256 of its text file, if it has one */
    private record Result(String label, DocumentEntry entry, Outcome outcome, long nanos, String textSha256) {
        Result(String label, DocumentEntry entry, Outcome outcome, long nanos) {
            this(label, entry, outcome, nanos, null);
        }
    }

    /** One run over one output folder, holding its lock. */
    private final class Run {
        final Path out;
        final ManifestJournal journal;
        final TreeMap<String, DocumentEntry> entries;
        final boolean journalHadEntries;
        final List<Result> results = new ArrayList<>();
        /** Output paths (records, text) by the source that owns them in this run or keeps them. */
        final Map<String, String> pathOwners = new HashMap<>();
        /** Documents done in this run, for the note on Ctrl-C (failed ones are tried again anyway). */
        final java.util.concurrent.atomic.AtomicInteger doneInThisRun = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean finished;

        Run(Path out) throws IOException {
            this.out = out;
            this.journal = new ManifestJournal(out);
            this.entries = new TreeMap<>();
            if (Manifest.exists(out)) {
                Manifest.read(out).documents().forEach(e -> entries.put(e.key(), e));
            }
            List<DocumentEntry> journaled = journal.entries(problem -> log.println("tiqu: " + problem));
            journaled.forEach(e -> entries.put(e.key(), e));
            this.journalHadEntries = !journaled.isEmpty();
            for (DocumentEntry e : entries.values()) {
                String problem = OutputPaths.problemOf(out, e);
                if (problem != null) {
                    throw new OutputFolderException(out.resolve(Manifest.FILE_NAME) + ": document '" + e.doc() + "': "
                            + problem + "; the manifest or its journal was edited: restore it, or move it away to start afresh");
                }
            }
        }
    }

    public BatchSummary run(List<Path> inputs) throws IOException {
        return run(inputs, InputFilter.ALL);
    }

    /** A batch over the files of {@code inputs} that {@code filter} lets through. */
    public BatchSummary run(List<Path> inputs, InputFilter filter) throws IOException {
        long start = System.nanoTime();
        Path out = openOutputFolder();
        try (OutputLock lock = OutputLock.exclusive(out)) {
            Run run = new Run(out);
            // Ctrl-C (or a TERM signal) runs shutdown hooks: say what the stop leaves behind.
            Thread onStop = new Thread(() -> {
                if (!run.finished) {
                    log.println("tiqu: stopped: " + BatchSummary.count(run.doneInThisRun.get(), "document")
                            + " finished in this run " + (run.doneInThisRun.get() == 1 ? "is" : "are")
                            + " kept, with their records (in the manifest's journal, .journal/); run the same command"
                            + " again to go on: what is kept is skipped, and manifest.json, metrics.csv and audit.html"
                            + " are made then");
                    log.flush();
                }
            }, "tiqu-stop-note");
            Runtime.getRuntime().addShutdownHook(onStop);
            try {
                return run(run, inputs, filter, start);
            } finally {
                run.finished = true;
                run.journal.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping: the hook has run or is running
                }
            }
        }
    }

    /** The output folder, made when missing, by its real path. */
    private Path openOutputFolder() {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new OutputFolderException(outDir + " is a file, not a folder: give a folder to --out");
        }
        try {
            Files.createDirectories(outDir);
            return outDir.toRealPath();
        } catch (IOException e) {
            throw new OutputFolderException("cannot make the output folder " + outDir + ": " + IoReasons.of(e), e);
        }
    }

    private BatchSummary run(Run run, List<Path> inputs, InputFilter filter, long start) throws IOException {
        removeLeftoverTemporaries(run.out);
        InputFiles.Selection selection = InputFiles.select(inputs, run.out, filter);
        selection.passedOver().forEach(note -> log.println("tiqu: not read: " + note));
        Map<Path, String> knownSources = knownSourcesByRealPath(run);
        List<Planned> planned = new ArrayList<>();
        Map<String, String> unsafeIds = new HashMap<>();
        for (InputFiles.Input input : selection.files()) {
            String source = knownSources.getOrDefault(InputFiles.realOrAbsolute(input.path()), relative(run.out, input.path()));
            if (JsonlLines.isJsonl(input.path()) && Files.isRegularFile(input.path())) {
                planCorpus(input, source, planned, unsafeIds);
            } else {
                planned.add(new Planned(input.path(), source, input.id(), formatOf(input.path()), null, null));
            }
        }
        java.util.Set<String> plannedKeys = new java.util.HashSet<>();
        java.util.Set<String> corpora = new java.util.HashSet<>();
        for (Planned p : planned) {
            plannedKeys.add(p.key());
            if (p.line() != null) {
                corpora.add(p.source());
            }
        }
        java.util.function.Predicate<DocumentEntry> gone = e -> !Files.exists(run.out.resolve(e.source()).normalize())
                || (e.line() != null && corpora.contains(e.source()) && !plannedKeys.contains(e.key()));
        int pruned = options.prune() ? prune(run, gone) : 0;
        long goneCount = run.entries.values().stream().filter(gone).count();
        if (goneCount > 0) {
            log.println("tiqu: " + BatchSummary.count(goneCount, "source") + " in the manifest " + (goneCount == 1 ? "is" : "are")
                    + " gone; " + (goneCount == 1 ? "its" : "their") + " records are kept (--prune removes them)");
        }
        Map<String, String> idClashes = claimIds(run, planned);
        unsafeIds.forEach((key, id) -> idClashes.put(key, "malformed: the id '" + id + "' cannot name a records file"
                + " (no empty, '.' or '..' part, no leading '/', backslash or control character, at most 512 characters)"));
        // Read before any worker writes the entries.
        Map<String, DocumentEntry> previousEntries = new HashMap<>();
        planned.forEach(p -> previousEntries.put(p.key(), run.entries.get(p.key())));

        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "tiqu-worker");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Result> completion = new ExecutorCompletionService<>(workers);
        int submitted = 0;
        try (Progress progress = Progress.of(options.progressBar(), planned.size(), log)) {
            CorpusReader corpus = new CorpusReader();
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(options.threads() * 4);
            for (Planned p : planned) {
                DocumentEntry previous = previousEntries.get(p.key());
                String clash = idClashes.get(p.key());
                if (clash != null) {
                    Result failed = failed(run, p, previous, DocumentEntry.failed(null, p.source(), null, p.format(), clash), 0);
                    synchronized (run.entries) {
                        record(run, failed, progress);
                    }
                    continue;
                }
                // A corpus is read line by line here, a few lines ahead of the workers: never whole.
                byte[] line = p.line() == null ? null : corpus.line(p);
                inFlight.acquireUninterruptibly();
                completion.submit(() -> {
                    try {
                        Result result = processWithinLimits(run, p, previous, line);
                        // In the worker, right after its files: a document is in the manifest as soon as it is done.
                        synchronized (run.entries) {
                            record(run, result, progress);
                        }
                        return result;
                    } finally {
                        inFlight.release();
                    }
                });
                submitted++;
            }
            corpus.close();
            for (int i = 0; i < submitted; i++) {
                take(completion);
            }
        } finally {
            workers.shutdownNow();
        }
        finish(run, pruned);
        return summarise(run.results, pruned, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A document of this run: its file, its source in the manifest, its document id and format;
     * for a line of a JSONL corpus, the line's number and the sha256 of its bytes when planned.
     */
    private record Planned(Path file, String source, String id, String format, Integer line, String lineSha256) {
        String recordsPath() {
            return OutputPaths.recordsOf(id);
        }

        String textPath() {
            return format.equals(DocumentEntry.FORMAT_TEXT) ? null : OutputPaths.textOf(id);
        }

        String key() {
            return DocumentEntry.keyOf(source, line);
        }

        /** How messages name it: the file, and the line of a corpus. */
        String label() {
            return line == null ? file.toString() : file + ":" + line;
        }
    }

    /**
     * Plans each line of a JSONL corpus as a document, reading the file through once: only the
     * line's number, id and sha256 are kept. A line that cannot be read as a document keeps
     * the id {@code <file>#<line>} and fails when its turn comes, with the reason.
     */
    private void planCorpus(InputFiles.Input input, String source, List<Planned> planned, Map<String, String> unsafeIds) {
        String fileId = input.id().endsWith(".jsonl") ? input.id().substring(0, input.id().length() - 6) : input.id();
        try (JsonlLines lines = JsonlLines.open(input.path())) {
            for (JsonlLines.Line line = lines.next(); line != null; line = lines.next()) {
                String fallback = JsonlDocument.fallbackId(fileId, line.number());
                String id;
                try {
                    id = JsonlDocument.parse(input.path(), line, options.idField(), options.textField(), fallback).id();
                } catch (SourceException e) {
                    id = fallback;
                }
                if (!OutputPaths.isSafeId(id)) {
                    // An id is data: '../x' must not name a file outside records/. The line fails with the reason.
                    unsafeIds.put(DocumentEntry.keyOf(source, line.number()), id);
                    id = fallback;
                }
                planned.add(new Planned(input.path(), source, id, DocumentEntry.FORMAT_JSONL, line.number(),
                        SourceReader.sha256(line.bytes())));
            }
        } catch (IOException e) {
            // Read again when its turn comes, and reported then.
            planned.add(new Planned(input.path(), source, input.id(), DocumentEntry.FORMAT_JSONL, null, null));
        }
    }

    /** The lines of the corpora of a run, read in the order they were planned, one file open at a time. */
    private static final class CorpusReader implements AutoCloseable {
        private Path file;
        private JsonlLines lines;

        /** The bytes of {@code p}'s line, or null when the file cannot be read or no longer has it. */
        byte[] line(Planned p) {
            try {
                if (!p.file().equals(file)) {
                    close();
                    file = p.file();
                    lines = JsonlLines.open(file);
                }
                for (JsonlLines.Line line = lines.next(); line != null; line = lines.next()) {
                    if (line.number() == p.line()) {
                        return line.bytes();
                    }
                    if (line.number() > p.line()) {
                        return null;
                    }
                }
            } catch (IOException e) {
                close();
                file = null;
            }
            return null;
        }

        @Override
        public void close() {
            if (lines != null) {
                try {
                    lines.close();
                } catch (IOException e) {
                    // read-only: nothing is lost
                }
                lines = null;
            }
        }
    }

    /**
     * The manifest's sources by the real path of their file, so that a source is recognised
     * however its path was written when it was recorded (through a link to the output folder,
     * by an older tiqu).
     */
    private static Map<Path, String> knownSourcesByRealPath(Run run) {
        Map<Path, String> known = new HashMap<>();
        for (String source : run.entries.values().stream().map(DocumentEntry::source).toList()) {
            Path file = run.out.resolve(source).normalize();
            if (Files.exists(file)) {
                known.putIfAbsent(InputFiles.realOrAbsolute(file), source);
            }
        }
        return known;
    }

    /**
     * Gives each planned source its document id and output paths, unless a document the run
     * keeps (a source not among its inputs) or an earlier input holds them; returns the
     * sources that cannot have theirs, with the reason.
     */
    private Map<String, String> claimIds(Run run, List<Planned> planned) {
        Map<String, String> idOwners = new HashMap<>();
        java.util.Set<String> ofThisRun = new java.util.HashSet<>();
        planned.forEach(p -> ofThisRun.add(p.key()));
        for (DocumentEntry e : run.entries.values()) {
            if (!ofThisRun.contains(e.key()) && e.ok() && e.doc() != null) {
                idOwners.putIfAbsent(e.doc(), e.key());
                own(run, e.records(), e.key());
                own(run, e.text(), e.key());
            }
        }
        Map<String, String> clashes = new HashMap<>();
        for (Planned p : planned) {
            String owner = idOwners.putIfAbsent(p.id(), p.key());
            if (owner != null && !owner.equals(p.key())) {
                DocumentEntry owning = run.entries.get(owner);
                String ownerSource = owning != null ? owning.source() : owner.replace('\u0000', '#');
                boolean ownerGone = !Files.exists(run.out.resolve(ownerSource).normalize());
                String ownerName = owning != null && owning.line() != null ? ownerSource + ":" + owning.line()
                        : ownerSource.contains("#") ? ownerSource.replaceFirst("#0*", ":") : ownerSource;
                clashes.put(p.key(), "document id '" + p.id() + "' is already taken by " + ownerName
                        + (ownerGone ? ", whose source is gone (--prune removes its records)"
                                : " (give the folder that holds both as the input, so that their ids keep their folders)"));
            } else {
                own(run, p.recordsPath(), p.key());
                own(run, p.textPath(), p.key());
            }
        }
        return clashes;
    }

    private static void own(Run run, String path, String source) {
        if (path != null) {
            run.pathOwners.putIfAbsent(path, source);
        }
    }

    /**
     * Writes the manifest when anything changed, then the files made from it when they do not
     * match it, and only then clears the journal: a run stopped anywhere in this leaves the
     * journal or a stale stamp, and the next run finishes the job.
     */
    private void finish(Run run, int pruned) throws IOException {
        boolean changed = pruned > 0 || run.journalHadEntries
                || run.results.stream().anyMatch(r -> r.outcome() != Outcome.SKIPPED);
        Manifest manifest = manifest(run.entries);
        run.journal.commit(); // the records the manifest lists are on disk before it is
        if (changed || !Manifest.exists(run.out)) {
            manifest.write(run.out);
        }
        haltAt("after-manifest");
        if (changed || !DerivedFiles.upToDate(run.out)) {
            log.println("tiqu: writing metrics.csv, mentions.csv and audit.html for "
                    + BatchSummary.count(manifest.documents().size(), "document") + " ...");
            DerivedFiles.removeDamaged(run.out);
            MetricsCsv.write(run.out, manifest, options.threads());
            haltAt("after-metrics");
            MentionsCsv.write(run.out, manifest, options.threads());
            AuditPage.write(run.out, manifest, options.threads());
            DerivedFiles.stamp(run.out);
        }
        haltAt("before-journal-clear");
        run.journal.clear();
    }

    private static void haltAt(String point) {
        if (point.equals(HALT_AT)) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** What is known of an output folder: the manifest, read over by the journal of a run that did not finish. */
    static TreeMap<String, DocumentEntry> knownEntries(Path outDir) throws IOException {
        TreeMap<String, DocumentEntry> entries = new TreeMap<>();
        if (Manifest.exists(outDir)) {
            Manifest.read(outDir).documents().forEach(e -> entries.put(e.key(), e));
        }
        new ManifestJournal(outDir).entries().forEach(e -> entries.put(e.key(), e));
        return entries;
    }

    /** Called with {@code run.entries} locked: adds a document's outcome and journals it when it changed. */
    private void record(Run run, Result result, Progress progress) {
        run.results.add(result);
        run.entries.put(result.entry().key(), result.entry());
        if (result.outcome() == Outcome.DONE) {
            run.doneInThisRun.incrementAndGet();
        }
        if (result.outcome() != Outcome.SKIPPED) {
            try {
                run.journal.record(result.entry(), result.textSha256());
                // The manifest is written once, at the end: rewriting it as the run goes cost time in the square of its size.
                if (run.journal.uncommitted() >= COMMIT_DOCUMENTS || System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                    run.journal.commit();
                    lastCommit = System.nanoTime();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record " + result.entry().source() + " in " + run.out
                        + ": " + IoReasons.of(e), e);
            }
        }
        if (result.outcome() == Outcome.FAILED) {
            log.println("tiqu: failed " + result.label() + ": " + result.entry().error());
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
            // processWithinLimits turns every document's failure into a failed entry; this is a bug.
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
     * {@link #processOne}, with what one document can do to the JVM made that document's
     * failure instead of the batch's (reading a file too large for the heap); what happens
     * while the document is decoded and extracted is {@link Tiqu}'s to map, the same for
     * every adapter. Any other error thrown for one document fails it with its name, so that
     * the manifest is still written.
     */
    private Result processWithinLimits(Run run, Planned p, DocumentEntry previous, byte[] line) {
        long start = System.nanoTime();
        String why;
        try {
            return processOne(run, p, previous, line, start);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError | AssertionError e) {
            why = Tiqu.limitReason(e);
        }
        return failed(run, p, previous, DocumentEntry.failed(p.id(), p.source(), null, p.format(), why),
                System.nanoTime() - start);
    }

    /** Runs on a worker thread: never throws, a document's failure becomes a failed entry. */
    private Result processOne(Run run, Planned p, DocumentEntry previous, byte[] line, long start) {
        Path file = p.file();
        if (p.format().equals(DocumentEntry.FORMAT_JSONL)) {
            return processCorpusLine(run, p, previous, line, start);
        }
        if (!Files.isRegularFile(file)) {
            String why = Files.exists(file) ? "not a regular file (a folder, pipe, socket or device)" : "no such file";
            return failed(run, p, previous, DocumentEntry.failed(null, p.source(), null, p.format(), "unreadable: " + why),
                    System.nanoTime() - start);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(run, p, previous, DocumentEntry.failed(null, p.source(), null, p.format(),
                    "unreadable: " + IoReasons.of(e)), System.nanoTime() - start);
        }
        String sha256 = SourceReader.sha256(bytes);
        if (unchanged(run, p, previous, sha256)) {
            return new Result(p.label(), previous, Outcome.SKIPPED, System.nanoTime() - start);
        }
        return write(run, p, previous, tiqu.extract(p.id(), bytes, file), start);
    }

    /** A line of a JSONL corpus: its text value is the document, saved as {@code text/<doc>.txt}. */
    private Result processCorpusLine(Run run, Planned p, DocumentEntry previous, byte[] line, long start) {
        if (p.line() == null || line == null) {
            String why = p.line() == null ? "cannot be read as JSONL" : "line " + p.line() + " is gone (the file changed while it was read)";
            if (!Files.isRegularFile(p.file())) {
                why = Files.exists(p.file()) ? "not a regular file" : "no such file";
            } else if (p.line() == null) {
                try (JsonlLines lines = JsonlLines.open(p.file())) {
                    lines.next();
                } catch (IOException e) {
                    why = IoReasons.of(e);
                }
            }
            return failed(run, p, previous, DocumentEntry.failed(null, p.source(), null, p.format(), "unreadable: " + why),
                    System.nanoTime() - start);
        }
        String sha256 = SourceReader.sha256(line);
        if (!sha256.equals(p.lineSha256())) {
            return failed(run, p, previous, DocumentEntry.failed(null, p.source(), sha256, p.format(),
                    "unreadable: line " + p.line() + " changed while the file was read; run again"), System.nanoTime() - start);
        }
        if (unchanged(run, p, previous, sha256)) {
            return new Result(p.label(), previous, Outcome.SKIPPED, System.nanoTime() - start);
        }
        return write(run, p, previous, tiqu.extractJsonLine(line, p.line(), p.id(), p.file()), start);
    }

    /** Writes the files of a document the library has read (its text, its records); a failure becomes a failed entry. */
    private Result write(Run run, Planned p, DocumentEntry previous, org.tiqu.api.Result result, long start) {
        if (!result.ok()) {
            return failed(run, p, previous, DocumentEntry.failed(p.id(), p.source(), result.sha256(), p.format(),
                    result.error()), System.nanoTime() - start);
        }
        try {
            String textSha256 = null;
            if (p.textPath() != null) {
                byte[] textBytes = result.text().getBytes(StandardCharsets.UTF_8);
                AtomicFiles.writeUnforced(run.out.resolve(p.textPath()), out -> out.write(textBytes));
                textSha256 = SourceReader.sha256(textBytes);
            }
            AtomicFiles.writeUnforced(run.out.resolve(p.recordsPath()), result::writeRecords);
            haltAt("after-records");
            org.tiqu.api.Reference r = result.reference();
            DocumentEntry entry = new DocumentEntry(p.id(), p.source(), result.sha256(), p.format(), result.encoding(),
                    result.bom(), p.textPath() == null ? DocumentEntry.OFFSETS_SOURCE : DocumentEntry.OFFSETS_TEXT,
                    p.textPath(), DocumentEntry.OK, p.recordsPath(), result.recordsSha256(),
                    new LinkedHashMap<>(result.counts()), new ReferenceTime(r.date(), r.year(), r.how()),
                    result.rulesSha256(), result.codeSha256(), referenceDate(), null);
            if (p.line() != null) {
                entry = entry.inCorpus(p.line(), options.textField());
            }
            if (result.encodingNote() != null) {
                entry = entry.withEncodingNote(result.encodingNote());
            }
            if (previous != null) {
                deleteStaleOutputs(run, previous, entry); // its id changed: the old files are no one's
            }
            return new Result(p.label(), entry, Outcome.DONE, System.nanoTime() - start, textSha256);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof TiquException ? e.getMessage()
                    : e instanceof IOException io ? "cannot write its records: " + IoReasons.of(io)
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return failed(run, p, previous, DocumentEntry.failed(p.id(), p.source(), result.sha256(), p.format(), why),
                    System.nanoTime() - start);
        }
    }

    private boolean unchanged(Run run, Planned p, DocumentEntry previous, String sha256) {
        return previous != null && previous.ok()
                && sha256.equals(previous.sha256())
                && pipeline.rules().sha256().equals(previous.rulesSha256())
                && Tiqu.codeSha256().equals(previous.codeSha256())
                && Objects.equals(referenceDate(), previous.referenceDate())
                && p.id().equals(previous.doc())
                && p.recordsPath().equals(previous.records())
                && Objects.equals(p.textPath(), previous.text())
                && (p.line() == null || options.textField().equals(previous.textField()))
                && Files.isRegularFile(run.out.resolve(previous.records()))
                && (previous.text() == null || Files.isRegularFile(run.out.resolve(previous.text())));
    }

    /** A failed document keeps no records: those of an earlier version would no longer match its source. */
    private Result failed(Run run, Planned p, DocumentEntry previous, DocumentEntry entry, long nanos) {
        if (p.line() != null) {
            entry = entry.inCorpus(p.line(), options.textField());
        }
        if (previous != null) {
            deleteStaleOutputs(run, previous, entry);
        }
        return new Result(p.label(), entry, Outcome.FAILED, nanos);
    }

    /** Removes the files of {@code previous} that {@code now} does not name, unless another document owns them. */
    private void deleteStaleOutputs(Run run, DocumentEntry previous, DocumentEntry now) {
        for (String path : new String[] {previous.records(), previous.text()}) {
            if (path == null || path.equals(now.records()) || path.equals(now.text())) {
                continue;
            }
            String owner = run.pathOwners.get(path);
            if (owner == null || owner.equals(previous.key())) {
                delete(run, path);
            }
        }
    }

    /** Removes the entries and files of documents whose source is gone. */
    private int prune(Run run, java.util.function.Predicate<DocumentEntry> isGone) throws IOException {
        List<DocumentEntry> gone = run.entries.values().stream().filter(isGone).toList();
        for (DocumentEntry entry : gone) {
            run.entries.remove(entry.key());
            delete(run, entry.records());
            delete(run, entry.text());
            run.journal.forget(entry.key());
            log.println("tiqu: pruned " + entry.source() + (entry.line() == null ? "" : ":" + entry.line()) + " (source gone)");
        }
        if (!gone.isEmpty()) {
            manifest(run.entries).write(run.out);
        }
        return gone.size();
    }

    /** Deletes an output file, and the folders under records/ or text/ it leaves empty. */
    private void delete(Run run, String path) {
        if (path == null) {
            return;
        }
        try {
            String top = path.startsWith(OutputPaths.TEXT + "/") ? OutputPaths.TEXT : OutputPaths.RECORDS;
            Path file = OutputPaths.resolve(run.out, path, top);
            Files.deleteIfExists(file);
            Path base = run.out.resolve(top);
            for (Path dir = file.getParent(); dir != null && dir.startsWith(base) && !dir.equals(base); dir = dir.getParent()) {
                try (Stream<Path> left = Files.list(dir)) {
                    if (left.findAny().isPresent()) {
                        break;
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            log.println("tiqu: cannot remove " + path + ": " + IoReasons.of(e));
        }
    }

    /** A run killed while writing leaves its temporary files ({@code .name.random.tmp}); they are never read. */
    private static void removeLeftoverTemporaries(Path out) throws IOException {
        for (Path dir : List.of(out.resolve(OutputPaths.RECORDS), out.resolve(OutputPaths.TEXT))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.filter(BatchRunner::isTemporary).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        for (Path dir : List.of(out, out.resolve(ManifestJournal.DIR_NAME))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.filter(BatchRunner::isTemporary).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p);
    }

    private static BatchSummary summarise(List<Result> results, int pruned, Duration elapsed) {
        int done = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        Map<String, Integer> totals = new TreeMap<>();
        Result slowest = null;
        for (Result r : results) {
            switch (r.outcome()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed.add(r.label());
            }
            if (r.entry().ok()) {
                r.entry().counts().forEach((type, n) -> totals.merge(type, n, Integer::sum));
            }
            if (r.outcome() != Outcome.SKIPPED && (slowest == null || r.nanos() > slowest.nanos())) {
                slowest = r;
            }
        }
        failed.sort(null);
        return new BatchSummary(done, skipped, List.copyOf(failed), pruned, totals, elapsed,
                slowest == null ? null : slowest.label(),
                slowest == null ? Duration.ZERO : Duration.ofNanos(slowest.nanos()));
    }

    private static String formatOf(Path file) {
        return HtmlArticle.isHtml(file) ? DocumentEntry.FORMAT_HTML : DocumentEntry.FORMAT_TEXT;
    }

    /** The path of {@code file} as seen from the output folder (both real paths), so that the two can move together. */
    private static String relative(Path out, Path file) {
        Path real = InputFiles.realOrAbsolute(file);
        try {
            return out.relativize(real).toString();
        } catch (IllegalArgumentException e) {
            return real.toString();
        }
    }
}
