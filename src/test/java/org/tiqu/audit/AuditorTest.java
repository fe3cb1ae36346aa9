package org.tiqu.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.cli.Main;

/** The audit catches every way an output folder can stop matching its sources. */
class AuditorTest {

    @TempDir
    Path dir;
    Path in;
    Path out;

    @BeforeEach
    void extract() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        Files.writeString(in.resolve("a.txt"), "😀收入增长15.28%，利润增长１２％。\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), "占比100%。", StandardCharsets.UTF_8);
        assertEquals(Main.OK, Main.run("extract", in.toString(), "--out", out.toString(), "--rules", "rules"));
    }

    @Test
    void aFreshOutputPasses() throws Exception {
        AuditReport report = new Auditor().audit(out);
        assertTrue(report.passed(), report.issues().toString());
        assertEquals(2, report.documents());
        assertTrue(report.records() >= 3);
    }

    @Test
    void aTamperedSourceIsCaught() throws Exception {
        Files.writeString(in.resolve("a.txt"), "😀收入增长15.29%，利润增长１２％。\n", StandardCharsets.UTF_8);
        assertEquals(List.of(AuditIssue.Kind.SOURCE_CHANGED), kinds(new Auditor().audit(out)));
    }

    @Test
    void aMissingSourceIsCaught() throws Exception {
        Files.delete(in.resolve("b.txt"));
        assertEquals(List.of(AuditIssue.Kind.MISSING_SOURCE), kinds(new Auditor().audit(out)));
    }

    @Test
    void aTamperedRecordIsCaught() throws Exception {
        Path records = out.resolve("records/a.jsonl");
        List<String> lines = Files.readAllLines(records, StandardCharsets.UTF_8);
        int tampered = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"text\":\"15.28%\"")).findFirst().orElseThrow());
        Files.writeString(records, Files.readString(records).replace("\"text\":\"15.28%\"", "\"text\":\"15.2%\""));
        AuditReport report = new Auditor().audit(out);
        assertEquals(List.of(AuditIssue.Kind.TEXT_MISMATCH), kinds(report));
        assertEquals(tampered, report.issues().get(0).line());
    }

    @Test
    void shiftedOffsetsAndBrokenLinesAreCaught() throws Exception {
        Path records = out.resolve("records/a.jsonl");
        String shifted = Files.readString(records).replace("\"begin\":5,\"end\":11", "\"begin\":6,\"end\":12");
        Files.writeString(records, shifted + "{not json\n" + "{\"doc\":\"a\",\"begin\":90,\"end\":99,\"text\":\"x\"}\n");
        assertEquals(List.of(AuditIssue.Kind.TEXT_MISMATCH, AuditIssue.Kind.BAD_RECORD, AuditIssue.Kind.OUT_OF_BOUNDS),
                kinds(new Auditor().audit(out)));
    }

    @Test
    void theCommandExitsNonZeroOnAnyProblem() throws Exception {
        assertEquals(Main.OK, Main.run("audit", out.toString()));
        Files.delete(out.resolve("records/b.jsonl"));
        assertEquals(Main.SOME_FAILED, Main.run("audit", out.toString()));
        assertFalse(new Auditor().audit(out).passed());
    }

    private static List<AuditIssue.Kind> kinds(AuditReport report) {
        return report.issues().stream().map(AuditIssue::kind).toList();
    }
}
