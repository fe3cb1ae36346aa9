package org.tiqu.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.tiqu.TiquException;
import org.tiqu.document.Deadline;
import org.tiqu.document.ReferenceTime;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Record;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleException;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.HtmlArticle;
import org.tiqu.source.JsonlDocument;
import org.tiqu.source.JsonlLines;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/**
 * tiqu as a library: load the rules once, then extract the records of any number of documents,
 * from any number of threads.
 *
 * <pre>{@code
 * try (Tiqu tiqu = Tiqu.bundled()) {              // or Tiqu.load(Path.of("rules.zip"))
 *     Result r = tiqu.extract("a1", bytes, "a1.html");
 *     if (r.ok()) System.out.print(r.recordsText());  // the JSON lines of records/a1.jsonl
 * }
 * }</pre>
 *
 * <p>A document's bytes are read as {@code tiqu extract} reads a file of that name: HTML by its
 * extension ({@code .html}, {@code .htm}: the article text, whose offsets the records count),
 * anything else as text in the encoding its bytes show (UTF-8, GB18030, Big5, UTF-16). The
 * records are byte for byte those the command line writes for the same bytes, rules and options;
 * the command line's batch and {@code --stdout} runs go through this class.
 *
 * <p>Thread-safe: one instance holds the loaded pipeline and keeps no state between documents.
 * {@code extract} never throws for a document's sake: an unreadable document, one that overruns
 * its time budget or the heap, fails alone, with the reason in {@link Result#error()}.
 *
 * <p>HanLP, which tiqu segments with, keeps its configuration in static fields: see
 * {@link HanlpSegmenter#checkConfiguration()} for what tiqu needs of it in a shared JVM.
 */
public final class Tiqu implements AutoCloseable {

    /** Where the rules are inside tiqu's jar (a copy of the project's {@code rules/}). */
    public static final String BUNDLED_RULES = "tiqu-rules";

    private final Pipeline pipeline;
    private final Options options;
    private final FileSystem archive;
    private final SourceReader reader = new SourceReader();
    private final HtmlArticle html = new HtmlArticle();

    private Tiqu(Pipeline pipeline, Options options, FileSystem archive) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.options = Objects.requireNonNull(options, "options");
        this.archive = archive;
    }

    /** The rules of {@code rules} (a folder of {@code *.yaml}, or a zip of one), default options. */
    public static Tiqu load(Path rules) {
        return load(rules, Options.defaults());
    }

    /**
     * Loads the rules of {@code rules} and HanLP. A zip may hold the rules files at its root or in
     * one folder ({@code rules/date.yaml}); the rules' digest is the same as the folder's.
     *
     * @throws RuleException when the rules cannot be loaded (file, line and reason)
     * @throws TiquException when HanLP cannot be loaded (a heap too small) or is configured otherwise
     */
    public static Tiqu load(Path rules, Options options) {
        if (Files.isDirectory(rules)) {
            return new Tiqu(loadPipeline(rules), options, null);
        }
        if (!Files.isRegularFile(rules)) {
            throw new RuleException(rules, 0, "rules folder or zip not found");
        }
        FileSystem zip;
        try {
            zip = FileSystems.newFileSystem(rules, (ClassLoader) null);
        } catch (IOException | RuntimeException e) {
            throw new RuleException(rules, 0, "neither a rules folder nor a zip of one: " + e.getMessage(), e);
        }
        try {
            return new Tiqu(loadPipeline(rulesFolderIn(zip.getPath("/"), rules)), options, zip);
        } catch (RuntimeException | Error e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** The rules bundled in tiqu's jar (those of the project's {@code rules/} when it was built), default options. */
    public static Tiqu bundled() {
        return bundled(Options.defaults());
    }

    /** The rules bundled in tiqu's jar, with {@code options}. */
    public static Tiqu bundled(Options options) {
        return new Tiqu(loadPipeline(bundledRules()), options, null);
    }

    /**
     * A pipeline the caller has loaded already (the command line loads it beside HanLP). Not
     * closed by {@link #close()}.
     */
    public static Tiqu of(Pipeline pipeline, Options options) {
        HanlpSegmenter.checkConfiguration();
        return new Tiqu(pipeline, options, null);
    }

    /** The folder of the bundled rules: in the jar, or under the classes folder a build runs from. */
    public static Path bundledRules() {
        URL marker = Tiqu.class.getResource("/" + BUNDLED_RULES + "/metric.yaml");
        if (marker == null) {
            throw new TiquException("no rules bundled with tiqu (" + BUNDLED_RULES + "/ is not on the class path):"
                    + " load a rules folder or zip instead");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException open) {
                    // opened by an earlier call: Path.of finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new TiquException("cannot open the bundled rules at " + marker + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a zip that holds the rules: its root, or its one folder with rules files. */
    private static Path rulesFolderIn(Path root, Path zip) {
        if (hasRules(root)) {
            return root;
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory).filter(Tiqu::hasRules).toList();
            if (folders.size() == 1) {
                return folders.get(0);
            }
            throw new RuleException(zip, 0, folders.isEmpty() ? "no *.yaml rules files in the zip, at its root or in a folder"
                    : "the zip has rules files in several folders " + folders + ": zip one rules folder");
        } catch (IOException e) {
            throw new RuleException(zip, 0, "cannot list the zip: " + e.getMessage(), e);
        }
    }

    private static boolean hasRules(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().matches(".*\\.ya?ml"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The rules, the pipeline's models and HanLP, loaded side by side (HanLP on a second thread).
     * A heap too small for them runs out in whichever load allocates last, so it is said plainly
     * wherever it happens. The command line loads its pipeline with this too; not a stable API.
     *
     * @throws RuleException when the rules cannot be loaded
     * @throws TiquException when HanLP cannot be loaded or is configured otherwise
     */
    public static Pipeline loadPipeline(Path rulesDir) {
        CompletableFuture<Void> hanlp = HanlpSegmenter.preloadInBackground();
        Pipeline pipeline;
        try {
            RuleBook book = new RulesLoader().load(rulesDir);
            pipeline = Pipeline.standard(book);
        } catch (OutOfMemoryError e) {
            throw heapTooSmall();
        }
        try {
            hanlp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TiquException("interrupted while HanLP loaded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                throw heapTooSmall();
            }
            throw new TiquException("cannot load HanLP: " + e.getCause(), e.getCause());
        }
        HanlpSegmenter.checkConfiguration();
        return pipeline;
    }

    private static TiquException heapTooSmall() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new TiquException("HanLP's dictionaries do not fit in the " + maxMb + " MB heap"
                + " beside the rules (set a larger one with TIQU_JAVA_OPTS=\"-Xmx2g\")");
    }

    /** The options documents are read with. */
    public Options options() {
        return options;
    }

    /** The sha256 of the loaded rules (file names and bytes), as the manifest's {@code rules_sha256}. */
    public String rulesSha256() {
        return pipeline.rules().sha256();
    }

    /** The sha256 of tiqu's compiled code, as the manifest's {@code code_sha256}. */
    public static String codeSha256() {
        return CodeDigest.value();
    }

    /** The pipeline behind this instance (tiqu's own commands use it; it is not a stable API). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The records of one document.
     *
     * @param id       the document id written in every record's {@code doc}
     * @param bytes    the document as stored: text in any encoding tiqu reads, or an HTML page
     * @param fileName the file's name, whose extension says HTML ({@code .html}, {@code .htm}) or
     *                 not; named in messages
     */
    public Result extract(String id, byte[] bytes, String fileName) {
        return extract(id, bytes, Path.of(fileName));
    }

    /** As {@link #extract(String, byte[], String)}, for a file known by its path. */
    public Result extract(String id, byte[] bytes, Path file) {
        return extract(id, bytes, file, HtmlArticle.isHtml(file));
    }

    /**
     * As {@link #extract(String, byte[], String)}, saying whether the bytes are an HTML page
     * whatever the name (standard input, a name without extension).
     */
    public Result extract(String id, byte[] bytes, Path file, boolean isHtml) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bytes, "bytes");
        String format = isHtml ? DocumentEntry.FORMAT_HTML : DocumentEntry.FORMAT_TEXT;
        Deadline deadline = Deadline.after(options.timeBudget());
        String sha256 = SourceReader.sha256(bytes);
        try {
            SourceText text;
            try {
                text = isHtml ? html.read(id, file, bytes) : reader.decode(id, file, bytes);
            } catch (SourceException e) {
                return failed(id, format, sha256, e.reason().name().toLowerCase() + ": " + e.getMessage());
            }
            return run(text, format, sha256, isHtml ? text.text() : null, deadline);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError | AssertionError e) {
            return failed(id, format, sha256, limitReason(e));
        }
    }

    /**
     * The records of one line of a JSONL corpus ({@code {"id": …, "text": …}}, field names as
     * {@link Options} says): its text value is the document; offsets count its code points.
     *
     * @param line       the line's bytes (UTF-8, without its line end)
     * @param lineNumber the line's number in its file, from 1 (named in messages)
     * @param fallbackId the id when the line has none (the command line's {@code <file>#<line>})
     * @param file       the corpus the line is from (named in messages)
     */
    public Result extractJsonLine(byte[] line, int lineNumber, String fallbackId, Path file) {
        Objects.requireNonNull(line, "line");
        Deadline deadline = Deadline.after(options.timeBudget());
        String sha256 = SourceReader.sha256(line);
        String format = DocumentEntry.FORMAT_JSONL;
        try {
            JsonlDocument document;
            try {
                document = JsonlDocument.parse(file, new JsonlLines.Line(lineNumber, line), options.idField(),
                        options.textField(), fallbackId);
            } catch (SourceException e) {
                return failed(fallbackId, format, sha256, e.reason().name().toLowerCase() + ": " + e.getMessage());
            }
            SourceText text = new SourceText(document.id(), file, document.text(), SourceReader.UTF_8, sha256, false);
            return run(text, format, sha256, document.text(), deadline);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError | AssertionError e) {
            return failed(fallbackId, format, sha256, limitReason(e));
        }
    }

    /** Runs the pipeline over a decoded document and writes its records as bytes; a failure becomes a failed result. */
    private Result run(SourceText text, String format, String sha256, String savedText, Deadline deadline) {
        try {
            DocumentResult result = pipeline.process(text, options.referenceDate(), deadline);
            List<Record> records = result.records();
            ByteArrayOutputStream lines = new ByteArrayOutputStream(Math.max(256, records.size() * 256));
            RecordJson.writeLines(records, lines, deadline);
            byte[] bytes = lines.toByteArray();
            Map<String, Integer> counts = new LinkedHashMap<>();
            records.forEach(r -> counts.merge(r.type().name(), 1, Integer::sum));
            ReferenceTime reference = result.document().reference();
            return new Result(text.id(), format, sha256, text.encoding(), text.hadBom(), text.encodingNote(), savedText,
                    Status.OK, null, bytes, sha256Hex(bytes), Collections.unmodifiableMap(counts),
                    new Reference(reference.date(), reference.year(), reference.how()), rulesSha256(), codeSha256());
        } catch (IOException | RuntimeException e) {
            String why = e instanceof TiquException ? e.getMessage()
                    : e instanceof IOException io ? "cannot write its records: " + io.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return failed(text.id(), format, sha256, why);
        }
    }

    /**
     * What one document did to the JVM, made that document's failure: running out of heap (a file
     * with a million records) or of stack (a pattern recursing over ten thousand list items). What
     * it held is garbage once the stack unwinds, and the next document starts afresh.
     */
    public static String limitReason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return "out of memory: the document needs more than the " + maxMb + " MB heap"
                    + " (set a larger one with TIQU_JAVA_OPTS=\"-Xmx2g\" and run again)";
        }
        if (e instanceof StackOverflowError) {
            return "out of stack: a pattern recursed too deeply on a very long run of list items or numbers"
                    + " (a larger stack: TIQU_JAVA_OPTS=\"-Xss64m\")";
        }
        return "internal error: " + e;
    }

    private Result failed(String id, String format, String sha256, String why) {
        return Result.failed(id, format, sha256, why, rulesSha256(), codeSha256());
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Closes the zip the rules were read from, if any; the bundled rules stay open for the JVM's life. */
    @Override
    public void close() {
        if (archive != null) {
            closeQuietly(archive);
        }
    }

    private static void closeQuietly(FileSystem fs) {
        try {
            fs.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }
}
