package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.tiqu.output.Manifest;
import org.tiqu.review.GoldExport;
import org.tiqu.review.OutputFolder;
import org.tiqu.review.ReviewDatabase;
import org.tiqu.review.ReviewServer;
import org.tiqu.review.ReviewStats;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review an output folder in the browser: check, correct and sign off records.",
                "Starts a local web server (127.0.0.1 by default) and prints its URL. Verdicts go to",
                "OUT_DIR/review.db (SQLite) and survive restarts and re-extraction; a verdict whose",
                "record or source changed is shown as stale, never dropped.",
                "  tiqu review export OUT_DIR --gold DIR   reviewed documents as a gold set",
                "  tiqu review stats [OUT_DIR]            precision per type and per rule"},
        subcommands = {ReviewCommand.Export.class, ReviewCommand.Stats.class},
        footer = {"", "Exit codes: 0 stopped normally, 1 the folder or database cannot be read or the port is taken, 2 bad usage."})
final class ReviewCommand implements Callable<Integer> {

    static {
        // sqlite-jdbc logs through SLF4J, which has no provider here and would say so on every start.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    @Parameters(paramLabel = "OUT_DIR", arity = "0..1", description = "The output folder (default: output/).")
    Path dir;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 7717;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Name the verdicts are given under (default: the user name; the page can change it).")
    String reviewer = System.getProperty("user.name", "reviewer");

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR",
            description = "Rules folder whose descriptions the page shows (default: the manifest's, else rules/).")
    Path rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path outDir = outputFolder(dir, spec);
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
        }
        Path rulesDir = rules != null ? rules : rulesOf(outDir);
        ReviewServer server = ReviewServer.start(new ReviewServer.Settings(outDir, host, port, reviewer, rulesDir), System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException e) {
                System.err.println("tiqu: review: " + e.getMessage());
            }
            stopped.countDown();
        }, "tiqu-review-stop"));
        System.out.println("tiqu: reviewing " + outDir + " at " + server.uri() + " (Ctrl-C stops)");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("tiqu: listening on " + host + ": anyone who reaches this machine can read the"
                    + " documents and post verdicts");
        }
        System.out.flush();
        stopped.await();
        return Main.OK;
    }

    /** The rules folder the manifest names, if it is still there; else the project's. */
    private static Path rulesOf(Path outDir) {
        try {
            String named = new OutputFolder(outDir).rulesDir();
            if (named != null) {
                for (Path candidate : new Path[] {Path.of(named), outDir.toAbsolutePath().getParent().resolve(named)}) {
                    if (Files.isDirectory(candidate)) {
                        return candidate;
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the server names an unreadable manifest itself
        }
        return Defaults.projectPath("rules");
    }

    static Path outputFolder(Path given, CommandLine.Model.CommandSpec spec) {
        Path outDir = given != null ? given : Defaults.outputPath();
        if (!Manifest.exists(outDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    outDir + " is not an extraction output (no " + Manifest.FILE_NAME + "; run tiqu extract first)");
        }
        return outDir;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the reviewed documents of OUT_DIR as a gold set in DIR (ANNOTATION.md shape):",
                    "DIR/<doc>.jsonl with the records judged correct and the corrected ones (wrong ones left",
                    "out), and DIR/docs/<doc>.txt, the text their offsets count in. A document goes in when",
                    "every record has a verdict that holds. Then: tiqu score DIR OUT_DIR/records."},
            footer = {"", "Exit codes: 0 exported, 1 the folder or database cannot be read, 2 bad usage."})
    static final class Export implements Callable<Integer> {

        @Parameters(paramLabel = "OUT_DIR", arity = "0..1", description = "The output folder (default: output/).")
        Path dir;

        @Option(names = "--gold", paramLabel = "DIR", required = true, description = "Folder to write the gold set to.")
        Path gold;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path outDir = outputFolder(dir, spec);
            OutputFolder out = new OutputFolder(outDir);
            try (ReviewDatabase verdicts = ReviewDatabase.open(out.dir())) {
                GoldExport.Report report = GoldExport.export(out, verdicts, gold);
                System.out.println("tiqu: " + report.summary(gold));
                if (report.documents() > 0) {
                    System.out.println("tiqu: score it with: tiqu score " + gold + " " + outDir.resolve("records"));
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Precision per record type and per rule, from the verdicts that hold on today's output",
                    "(correct / judged; corrected and wrong records count against it). Rules with the most",
                    "errors come first."},
            footer = {"", "Exit codes: 0 printed, 1 the folder or database cannot be read, 2 bad usage."})
    static final class Stats implements Callable<Integer> {

        @Parameters(paramLabel = "OUT_DIR", arity = "0..1", description = "The output folder (default: output/).")
        Path dir;

        @Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            OutputFolder out = new OutputFolder(outputFolder(dir, spec));
            try (ReviewDatabase verdicts = ReviewDatabase.open(out.dir())) {
                ReviewStats stats = ReviewStats.of(out, verdicts);
                if (json) {
                    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(stats.json()));
                } else {
                    System.out.print(stats.table());
                }
            }
            return Main.OK;
        }
    }
}
