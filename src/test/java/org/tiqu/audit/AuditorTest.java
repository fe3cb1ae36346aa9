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
import org.tiqu.source.SourceReader;
import org.tiqu.testing.TestPipelines;

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
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.TEXT_MISMATCH), kinds(report));
        assertEquals(tampered, report.issues().get(1).line());
    }

    @Test
    void shiftedOffsetsAndBrokenLinesAreCaught() throws Exception {
        Path records = out.resolve("records/a.jsonl");
        String shifted = Files.readString(records).replace("\"begin\":5,\"end\":11", "\"begin\":6,\"end\":12");
        Files.writeString(records, shifted + "{not json\n" + "{\"doc\":\"a\",\"begin\":90,\"end\":99,\"text\":\"x\"}\n");
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.TEXT_MISMATCH,
                AuditIssue.Kind.BAD_RECORD, AuditIssue.Kind.OUT_OF_BOUNDS), kinds(new Auditor().audit(out)));
    }

    @Test
    void metricEvidenceOutsideTheTextOrEmptyIsCaught() throws Exception {
        Path records = out.resolve("records/a.jsonl");
        String lines = Files.readString(records);
        assertTrue(lines.contains("\"evidence\":{\"subject\":null,\"period\":null}"), lines);
        String metric = lines.lines().filter(l -> l.contains("\"type\":\"METRIC\"")).findFirst().orElseThrow();
        String outside = metric.replace("\"evidence\":{\"subject\":null", "\"evidence\":{\"subject\":[3,400]");
        String empty = metric.replace("\"period\":null}", "\"period\":[4,4]}");
        String shapeless = metric.replace("\"period\":null}", "\"period\":\"2024\"}");
        Files.writeString(records, lines + outside + "\n" + empty + "\n" + shapeless + "\n");
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.OUT_OF_BOUNDS,
                AuditIssue.Kind.OUT_OF_BOUNDS, AuditIssue.Kind.BAD_RECORD), kinds(new Auditor().audit(out)));
    }

    @Test
    void theCommandExitsNonZeroOnAnyProblem() throws Exception {
        assertEquals(Main.OK, Main.run("audit", out.toString()));
        Files.delete(out.resolve("records/b.jsonl"));
        assertEquals(Main.SOME_FAILED, Main.run("audit", out.toString()));
        assertFalse(new Auditor().audit(out).passed());
    }

    /** Case 6: edits that keep every record's text grounded are caught against the manifest. */
    @Test
    void editsTheTextCheckCannotSeeAreCaught() throws Exception {
        Path records = out.resolve("records/a.jsonl");
        String original = Files.readString(records);
        Files.writeString(records, original.replace("\"percent\":\"15.28\"", "\"percent\":\"99.99\""));
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED), kinds(new Auditor().audit(out)), "a changed value");

        List<String> lines = original.lines().toList();
        Files.writeString(records, String.join("\n", lines.subList(1, lines.size())) + "\n");
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.RECORDS_CHANGED),
                kinds(new Auditor().audit(out)), "a deleted line: other bytes, one record fewer");

        Files.writeString(records, "");
        assertEquals(List.of(AuditIssue.Kind.RECORDS_CHANGED, AuditIssue.Kind.RECORDS_CHANGED),
                kinds(new Auditor().audit(out)), "an emptied file");
        Files.writeString(records, original);
        assertTrue(new Auditor().audit(out).passed());

        Files.writeString(out.resolve("records/stray.jsonl"), original);
        assertEquals(List.of(AuditIssue.Kind.UNLISTED_FILE), kinds(new Auditor().audit(out)), "a file no entry lists");
        Files.delete(out.resolve("records/stray.jsonl"));

        Path manifest = out.resolve("manifest.json");
        String entries = Files.readString(manifest);
        Files.writeString(manifest, entries.replaceFirst("\"status\" : \"ok\"", "\"status\" : \"failed\""));
        assertEquals(List.of(AuditIssue.Kind.BAD_ENTRY, AuditIssue.Kind.UNLISTED_FILE), kinds(new Auditor().audit(out)),
                "a status flipped to failed");
        Files.writeString(manifest, entries);

        Files.writeString(manifest, entries.replace("\"records\" : \"records/b.jsonl\"", "\"records\" : \"../victim.txt\""));
        assertTrue(kinds(new Auditor().audit(out)).contains(AuditIssue.Kind.BAD_ENTRY), "a path outside the folder");
        Files.writeString(manifest, entries);

        Files.writeString(manifest, entries.substring(0, entries.length() / 2));
        assertEquals(List.of(AuditIssue.Kind.BAD_MANIFEST), kinds(new Auditor().audit(out)), "a truncated manifest");
        assertEquals(Main.SOME_FAILED, Main.run("audit", out.toString()));
    }

    /** Case 6: --deep extracts every source again, so even a records file and manifest edited together are caught. */
    @Test
    void deepAuditCatchesRecordsEditedTogetherWithTheirManifest() throws Exception {
        assertTrue(new Auditor().audit(out, TestPipelines.standard()).passed());
        Path records = out.resolve("records/a.jsonl");
        String original = Files.readString(records);
        String edited = original.replace("\"percent\":\"15.28\"", "\"percent\":\"99.99\"");
        Files.writeString(records, edited);
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(SourceReader.sha256(original.getBytes(StandardCharsets.UTF_8)),
                SourceReader.sha256(edited.getBytes(StandardCharsets.UTF_8))));
        assertTrue(new Auditor().audit(out).passed(), "the sha256 was edited too");
        AuditReport deep = new Auditor().audit(out, TestPipelines.standard());
        assertEquals(List.of(AuditIssue.Kind.EXTRACTION_DIFFERS), kinds(deep));
        assertTrue(deep.issues().get(0).message().contains("15.28"), deep.issues().toString());
        assertEquals(Main.SOME_FAILED, Main.run("audit", out.toString(), "--deep", "--rules", "rules"));
    }

    @Test
    void aFolderThatIsNoOutputIsBadUsage() throws Exception {
        assertEquals(Main.USAGE, Main.run("audit", dir.resolve("no-such-folder").toString()));
        assertEquals(Main.USAGE, Main.run("audit", in.toString()));
    }

    private static List<AuditIssue.Kind> kinds(AuditReport report) {
        return report.issues().stream().map(AuditIssue::kind).toList();
    }
}
