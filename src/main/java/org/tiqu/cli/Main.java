package org.tiqu.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.tiqu.TiquException;
import org.tiqu.output.OutputFolderException;
import org.tiqu.rules.RuleException;
import org.tiqu.source.SourceException;

/**
 * {@code tiqu}: the command line. Nothing depends on this package.
 *
 * <p>Exit codes: 0 all good; 1 some documents failed or the audit found problems;
 * 2 bad usage, rules that cannot be loaded, or an output folder that cannot be used (a file,
 * in use by another run, a damaged manifest).
 */
@Command(name = "tiqu", mixinStandardHelpOptions = true, version = "tiqu 0.1.0",
        description = "Extracts normalised, auditable records from Chinese press releases.",
        subcommands = {ExtractCommand.class, AuditCommand.class, ScoreCommand.class, RulesCommand.class,
                BenchCommand.class, ReviewCommand.class, TrainCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 all good, 1 some documents failed or the audit found problems, 2 bad usage or rules."})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The one table from exceptions to messages and exit codes. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof RuleException) {
            err.println("tiqu: rules: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof OutputFolderException) {
            err.println("tiqu: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            err.println("tiqu: " + missing.getFile() + ": no such file or folder");
            return SOME_FAILED;
        }
        if (e instanceof SourceException || e instanceof TiquException) {
            err.println("tiqu: " + e.getMessage());
            return SOME_FAILED;
        }
        if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            err.println("tiqu: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return SOME_FAILED;
        }
        err.println("tiqu: internal error: " + e);
        e.printStackTrace(err);
        return SOME_FAILED;
    }
}
