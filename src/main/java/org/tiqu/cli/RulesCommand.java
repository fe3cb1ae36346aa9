package org.tiqu.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.tiqu.pipeline.Pipeline;
import org.tiqu.pipeline.RuleExamples;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RulesLoader;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the rules folder.",
        subcommands = RulesCommand.Check.class)
final class RulesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load every rules file strictly and run every rule's examples and counter-examples.",
                    "A broken file or regex is reported with its file, line and reason."},
            footer = {"", "Exit codes: 0 all examples pass, 1 some fail, 2 a rules file cannot be loaded."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules folder (default: rules/).")
        Path dir;

        @Override
        public Integer call() {
            Path rulesDir = dir != null ? dir : Defaults.projectPath("rules");
            RuleBook book = new RulesLoader().load(rulesDir);
            RuleExamples examples = new RuleExamples(Pipeline.standard(book));
            List<RuleExamples.Failure> failures = examples.checkAll();
            failures.forEach(f -> System.out.println("FAIL " + f));
            System.out.printf("tiqu: %d rules files, %d rules, %d examples: %s%n", book.files().size(),
                    book.allRules().size(), examples.exampleCount(),
                    failures.isEmpty() ? "all pass" : failures.size() + " failed");
            return failures.isEmpty() ? Main.OK : Main.SOME_FAILED;
        }
    }
}
