package org.tiqu.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.tiqu.audit.AuditIssue;
import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Prove an output folder against its sources.",
                "Re-reads every source named in DIR/manifest.json, checks its sha256, and checks that",
                "every record's text equals the source slice at begin:end (in code points)."},
        footer = {"", "Exit codes: 0 every record grounded, 1 any mismatch, missing or changed source."})
final class AuditCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The output folder (default: output/).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path outDir = dir != null ? dir : Defaults.projectPath("output");
        AuditReport report = new Auditor().audit(outDir);
        for (AuditIssue issue : report.issues()) {
            System.out.println(issue);
        }
        System.out.println("tiqu: " + report.summary());
        return report.passed() ? Main.OK : Main.SOME_FAILED;
    }
}
