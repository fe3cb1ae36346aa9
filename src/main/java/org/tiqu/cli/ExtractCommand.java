package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.tiqu.api.Tiqu;
import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.batch.BatchSummary;
import org.tiqu.batch.InputFiles;
import org.tiqu.batch.InputFilter;
import org.tiqu.batch.OutputLock;
import org.tiqu.batch.StreamRun;
import org.tiqu.output.Manifest;
import org.tiqu.source.JsonlDocument;
import org.tiqu.pipeline.Pipeline;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract records from press releases.",
                "Reads each INPUT (a file, or a folder of files) and writes, in OUT:",
                "  records/<doc>.jsonl, manifest.json, metrics.csv, mentions.csv, audit.html.",
                "A file that cannot be read (binary, empty, undecodable) is named and",
                "skipped; the batch goes on. A source the manifest holds with the same",
                "bytes, rules, code and reference date is skipped (incremental runs).",
                "A document's id is its path in the folder given, without extension",
                "  (2024/01/index): records/2024/01/index.jsonl.",
                "One run at a time per output folder; the output folder is never read as input.",
                "HTML files (.html, .htm): the article text is extracted and saved as",
                "  text/<doc>.txt; their offsets refer to that text.",
                "JSONL corpora (.jsonl, .jsonl.gz): one document a line, {\"id\":…, \"text\":…},",
                "  read line by line; offsets count code points of the text value,",
                "  saved as text/<doc>.txt.",
                "Other formats (.pdf, .docx, images, archives) are listed as skipped.",
                "",
                "  tiqu extract in/ --out out/                  a folder, incrementally",
                "  tiqu extract corpus.jsonl.gz --id-field url   a JSONL corpus",
                "  cat a.txt | tiqu extract - --stdout | jq .    JSON lines, nothing written",
                ""},
        footer = {"", "Exit codes: 0 all documents done, 1 some failed, 2 bad usage or rules, or an output folder",
                "that cannot be used (a file, in use by another run, a damaged manifest)."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders to read (default: seeds/); - for standard input (with --stdout)."
                    + " Text (UTF-8, GB18030, Big5, UTF-16), saved HTML, or JSONL.")
    List<Path> inputs;

    @Option(names = "--stdout", description = "Write the records as JSON lines to standard output, and nothing else anywhere.")
    boolean stdout;

    @Option(names = "--format", paramLabel = "text|html|jsonl",
            description = "What standard input holds (default: text, one document). Files are read by their extension.")
    String format;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Read only the files of folders that match (their path in the folder, or their name: '*.html'); repeatable.")
    List<String> include;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Do not read the files of folders that match ('drafts/**', '*.bak'); repeatable.")
    List<String> exclude;

    @Option(names = "--id-field", paramLabel = "NAME", description = "The field of a JSONL line holding its id (default: ${DEFAULT-VALUE}).")
    String idField = JsonlDocument.DEFAULT_ID_FIELD;

    @Option(names = "--text-field", paramLabel = "NAME", description = "The field of a JSONL line holding its text (default: ${DEFAULT-VALUE}).")
    String textField = JsonlDocument.DEFAULT_TEXT_FIELD;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: output/).")
    Path out;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules/).")
    Path rules;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "The date relative expressions (今年, 去年) resolve against; default: inferred from each document.")
    LocalDate referenceDate;

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "Worker threads sharing one loaded pipeline (default: the cores, ${DEFAULT-VALUE}). Output is the same for any N.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--prune", description = "Remove the records of sources that no longer exist (kept otherwise).")
    boolean prune;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Longest one document may take before it is stopped and reported failed (default: ${DEFAULT-VALUE}).")
    long timeBudgetSeconds = BatchOptions.DEFAULT_BUDGET.toSeconds();

    @Option(names = "--progress", paramLabel = "auto|bar|log",
            description = "A progress bar (on a terminal: auto), or log lines.")
    String progress = "auto";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        if (timeBudgetSeconds < 1) {
            throw usage("--time-budget must be at least 1 second");
        }
        boolean bar = switch (progress) {
            case "bar" -> true;
            case "log" -> false;
            case "auto" -> System.console() != null;
            default -> throw usage("--progress must be auto, bar or log, not " + progress);
        };
        StreamRun.StdinFormat stdinFormat = stdinFormat();
        InputFilter filter;
        try {
            filter = InputFilter.of(include, exclude);
        } catch (IllegalArgumentException e) {
            throw usage("--include/--exclude: " + e.getMessage());
        }
        if (idField.isBlank() || textField.isBlank()) {
            throw usage("--id-field and --text-field need a field name");
        }
        Path rulesDir = rules != null ? rules : Defaults.projectPath("rules");
        List<Path> in = inputs != null && !inputs.isEmpty() ? inputs : List.of(Defaults.projectPath("seeds"));
        boolean readsStdin = in.stream().anyMatch(p -> p.toString().equals("-"));
        if (readsStdin && !stdout) {
            throw usage("standard input (-) is read only with --stdout: a batch's sources are files,"
                    + " which the manifest and the audit name");
        }
        if (readsStdin && in.stream().filter(p -> p.toString().equals("-")).count() > 1) {
            throw usage("standard input (-) can be given once");
        }
        if (format != null && !readsStdin) {
            throw usage("--format says what standard input (-) holds; files are read by their extension");
        }
        if (stdout && out != null) {
            throw usage("--stdout writes no output folder: give --stdout or --out, not both");
        }
        for (Path p : in) {
            if (!p.toString().equals("-") && !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw usage(p + ": no such file or folder");
            }
        }
        if (stdout) {
            return toStdout(in, rulesDir, stdinFormat, filter);
        }
        Path outDir = out != null ? out : Defaults.outputPath();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw usage(outDir + " is a file, not a folder: give a folder to --out");
        }
        InputFiles.Selection found = InputFiles.select(in, outDir, filter);
        if (found.files().isEmpty() && !Manifest.exists(outDir)) {
            // An empty folder is not a mistake of usage (a drop folder on a quiet day): exit 0, nothing written.
            found.passedOver().forEach(note -> System.err.println("tiqu: not read: " + note));
            System.err.println("tiqu: warning: no documents to read in " + String.join(", ", in.stream().map(Path::toString).toList())
                    + "; nothing written");
            return Main.OK;
        }
        OutputLock.ensureFree(outDir);
        // Loaded before any document runs: a document that fills the heap must not do it while
        // HanLP is still loading, or HanLP fails for every document after it.
        Pipeline pipeline = Tiqu.loadPipeline(rulesDir);
        BatchOptions options = new BatchOptions(threads, prune, referenceDate, bar, Duration.ofSeconds(timeBudgetSeconds),
                idField, textField);
        BatchSummary summary = new BatchRunner(pipeline, outDir, System.err, options).run(in, filter);
        for (String failed : summary.failedSources()) {
            System.err.println("tiqu: failed: " + failed);
        }
        System.err.println("tiqu: " + summary + "; output in " + outDir);
        return summary.failed() == 0 ? Main.OK : Main.SOME_FAILED;
    }

    private StreamRun.StdinFormat stdinFormat() {
        if (format == null) {
            return StreamRun.StdinFormat.TEXT;
        }
        return switch (format) {
            case "text" -> StreamRun.StdinFormat.TEXT;
            case "html" -> StreamRun.StdinFormat.HTML;
            case "jsonl" -> StreamRun.StdinFormat.JSONL;
            default -> throw usage("--format must be text, html or jsonl, not " + format);
        };
    }

    /** {@code --stdout}: records as JSON lines on standard output, nothing written; messages on stderr. */
    private int toStdout(List<Path> in, Path rulesDir, StreamRun.StdinFormat stdinFormat, InputFilter filter) throws Exception {
        Pipeline pipeline = Tiqu.loadPipeline(rulesDir);
        BatchOptions options = new BatchOptions(threads, false, referenceDate, false, Duration.ofSeconds(timeBudgetSeconds),
                idField, textField);
        StreamRun run = new StreamRun(pipeline, options, new java.io.BufferedOutputStream(new java.io.FileOutputStream(
                java.io.FileDescriptor.out), 1 << 16), System.err);
        int failed = run.run(in.stream().map(Path::toString).toList(), System.in, stdinFormat, filter);
        return failed == 0 ? Main.OK : Main.SOME_FAILED;
    }
}
