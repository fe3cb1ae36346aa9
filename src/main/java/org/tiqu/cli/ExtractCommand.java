package org.tiqu.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.tiqu.batch.BatchRunner;
import org.tiqu.batch.BatchSummary;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RulesLoader;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract records from press releases.",
                "Reads each INPUT (a file, or a folder of files), writes OUT/records/<doc>.jsonl for each",
                "document and OUT/manifest.json. A file that cannot be read (binary, empty, undecodable)",
                "is reported by name and skipped; the batch goes on."},
        footer = {"", "Exit codes: 0 all documents done, 1 some failed, 2 bad usage or rules."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or folders to read (default: seeds/). Text in UTF-8 or GB18030.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: output/).")
    Path out;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules/).")
    Path rules;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "The date relative expressions (今年, 去年) resolve against; default: inferred from each document.")
    LocalDate referenceDate;

    @Override
    public Integer call() throws Exception {
        Path rulesDir = rules != null ? rules : Defaults.projectPath("rules");
        Path outDir = out != null ? out : Defaults.projectPath("output");
        List<Path> in = inputs != null && !inputs.isEmpty() ? inputs : List.of(Defaults.projectPath("seeds"));
        RuleBook book = new RulesLoader().load(rulesDir);
        Pipeline pipeline = Pipeline.standard(book);
        BatchSummary summary = new BatchRunner(pipeline, outDir, referenceDate, System.err).run(in);
        System.err.println("tiqu: " + summary + "; output in " + outDir);
        return summary.failed() > 0 ? Main.SOME_FAILED : Main.OK;
    }
}
