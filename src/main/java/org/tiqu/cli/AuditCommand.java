package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.tiqu.audit.AuditIssue;
import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.batch.OutputLock;
import org.tiqu.output.Manifest;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.rules.RulesLoader;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Prove an output folder against its sources.",
                "Re-reads every source named in DIR/manifest.json, checks its sha256, and checks that",
                "every record's text equals the source slice at begin:end (in code points); checks each",
                "records file against the sha256 and record count the manifest keeps, and that no records",
                "file is unlisted. --deep also extracts every source again and compares the records."},
        footer = {"", "Exit codes: 0 every record grounded, 1 any mismatch, missing or changed source or file,",
                "2 DIR is not an output folder or a batch is writing it."})
final class AuditCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The output folder (default: output/).")
    Path dir;

    @Option(names = "--deep", description = "Also extract every source again and compare its records with the records file.")
    boolean deep;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder for --deep (default: rules/).")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path outDir = dir != null ? dir : Defaults.outputPath();
        if (!Files.isDirectory(outDir)) {
            throw new ParameterException(spec.commandLine(), outDir + ": no such folder");
        }
        if (!Manifest.exists(outDir)) {
            throw new ParameterException(spec.commandLine(), outDir + " has no " + Manifest.FILE_NAME
                    + ": not a tiqu output folder (tiqu extract --out " + outDir + " makes one)");
        }
        Pipeline pipeline = deep ? Pipeline.standard(new RulesLoader().load(rules != null ? rules : Defaults.projectPath("rules"))) : null;
        AuditReport report;
        try (OutputLock lock = OutputLock.shared(outDir)) {
            report = new Auditor().audit(outDir, pipeline);
        }
        for (AuditIssue issue : report.issues()) {
            System.out.println(issue);
        }
        System.out.println("tiqu: " + report.summary());
        return report.passed() ? Main.OK : Main.SOME_FAILED;
    }
}
