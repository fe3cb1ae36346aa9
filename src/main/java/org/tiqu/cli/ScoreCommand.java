package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import org.tiqu.score.Score;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score records against a gold set, with the matching rules and figures of ../shared/score.py.",
                "Mentions match on (doc, type, begin, end); metrics on doc, overlapping evidence and equal value."},
        footer = {"", "Exit codes: 0 scored, 1 a file cannot be read, 2 bad usage."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GOLD_DIR", description = "Gold <doc>.jsonl files, sources in GOLD_DIR/docs/<doc>.txt.")
    Path goldDir;

    @Parameters(index = "1", paramLabel = "PRED", description = "A .jsonl file, or a folder of them (e.g. output/records).")
    Path pred;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--errors", paramLabel = "N", description = "List up to N misses, spurious records and wrong values per type.")
    int errors;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(goldDir)) {
            throw new ParameterException(spec.commandLine(), "GOLD_DIR " + goldDir + ": no such folder");
        }
        if (!Files.exists(pred)) {
            throw new ParameterException(spec.commandLine(), "PRED " + pred + ": no such file or folder");
        }
        if (errors < 0) {
            throw new ParameterException(spec.commandLine(), "--errors must not be negative");
        }
        Score score = Score.of(goldDir, pred, errors);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(score.report()));
        } else {
            System.out.print(score.table());
        }
        return Main.OK;
    }
}
