package org.tiqu.cli;

import java.io.PrintWriter;
import java.util.List;

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

    /**
     * The commands, in the order the help lists them. picocli reads a command's annotations by
     * reflection when it is added, about half of a second for all of them on a cold JVM, so a
     * run of one command adds only that one (the help and unknown commands see them all).
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> all = new java.util.LinkedHashMap<>();
        all.put("extract", ExtractCommand::new);
        all.put("audit", AuditCommand::new);
        all.put("score", ScoreCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("bench", BenchCommand::new);
        all.put("review", ReviewCommand::new);
        all.put("train", TrainCommand::new);
        all.put("export", ExportCommand::new);
        return java.util.Collections.unmodifiableMap(all);
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        java.util.function.Supplier<Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(only.get());
        } else {
            COMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        cli.registerConverter(java.time.LocalDate.class, Main::date);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usageError);
        if (args.length > 0 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0])) {
            // Before parsing: picocli would take `tiqu revew --help` for the top-level --help and exit 0.
            PrintWriter err = cli.getErr();
            List<String> near = closest(args[0], cli.getSubcommands().keySet());
            err.println("tiqu: unknown command '" + args[0] + "'" + (near.isEmpty() ? "" : " (did you mean " + near.get(0) + "?)"));
            err.println("Try 'tiqu --help' for the commands.");
            err.flush();
            return USAGE;
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * A usage error: one line saying what is wrong and where to read more, never the whole
     * help (which buries the message) and never twice.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + unmatched.getSuggestions().get(0) + "?)";
        }
        err.println("tiqu: " + message);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE;
    }

    /** {@code YYYY-MM-DD}, said plainly when it is not one (picocli would show the Java exception). */
    private static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date of the form YYYY-MM-DD (as 2024-03-31)");
        }
    }

    /** The commands nearest to a mistyped one, by edit distance (at most 2). */
    private static List<String> closest(String typed, java.util.Collection<String> commands) {
        return commands.stream().filter(c -> distance(typed, c) <= 2)
                .sorted(java.util.Comparator.comparingInt(c -> distance(typed, c))).toList();
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
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
