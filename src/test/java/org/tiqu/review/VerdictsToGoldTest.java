package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.score.Score;

/**
 * Verdicts become a gold set that the scorer reads, and precision per type and rule: a
 * document judged whole is exported (correct records as they are, corrected ones as
 * corrected, wrong ones left out); scoring the output against it gives the precision the
 * verdicts say.
 */
class VerdictsToGoldTest {

    @TempDir
    Path dir;
    OutputFolder out;

    @BeforeEach
    void extract() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a", ReviewFixture.REPORT);
        sources.put("b", ReviewFixture.OTHER);
        out = new OutputFolder(ReviewFixture.extract(dir, sources));
    }

    /** Judges every record of a: the 5亿元 MONEY wrong, its metric corrected, everything else correct; one record of b. */
    private void judge(ReviewDatabase db) throws IOException {
        DocumentRef a = ReviewFixture.ref(out, "a");
        for (JsonNode r : out.records(a)) {
            String text = r.path("text").asText();
            if (r.path("type").asText().equals("MONEY") && text.equals("5亿元")) {
                db.save("a", r, Verdict.Kind.WRONG, null, "ann", a.sha256(), a.rulesSha256());
            } else if (r.path("type").asText().equals("METRIC") && text.equals("投资5亿元")) {
                ObjectNode fixed = AnnotationShape.gold(r);
                fixed.put("indicator", "投资额");
                db.save("a", r, Verdict.Kind.CORRECTED, fixed, "bo", a.sha256(), a.rulesSha256());
            } else {
                db.save("a", r, Verdict.Kind.CORRECT, null, "ann", a.sha256(), a.rulesSha256());
            }
        }
        DocumentRef b = ReviewFixture.ref(out, "b");
        db.save("b", out.records(b).get(0), Verdict.Kind.CORRECT, null, "ann", b.sha256(), b.rulesSha256());
    }

    @Test
    void reviewedDocumentsBecomeGoldThatScoresToTheirPrecision() throws Exception {
        Path gold = dir.resolve("gold");
        GoldExport.Report report;
        try (ReviewDatabase db = ReviewDatabase.open(out.dir())) {
            judge(db);
            report = GoldExport.export(out, db, gold);
        }
        assertEquals(1, report.documents());
        assertEquals(9, report.correct());
        assertEquals(1, report.corrected());
        assertEquals(1, report.wrong());
        assertEquals(List.of("b (1/6)"), report.partlyReviewed(), "a partly reviewed document would count its unjudged records as spurious");
        assertTrue(report.summary(gold).contains("partly reviewed: b (1/6)"));
        assertFalse(Files.exists(gold.resolve("b.jsonl")));
        assertEquals(ReviewFixture.REPORT, Files.readString(gold.resolve("docs/a.txt"), StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(gold.resolve("a.jsonl"), StandardCharsets.UTF_8);
        assertEquals(10, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"rule\"")), "gold holds the ANNOTATION.md fields only");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"indicator\":\"投资额\"")));
        assertTrue(Files.readString(gold.resolve(GoldExport.PROVENANCE_FILE)).contains("\"bo\""));

        Score score = Score.of(gold, out.dir().resolve("records"));
        JsonNode types = score.report().get("types");
        assertEquals(1, score.report().get("docs").asInt());
        assertEquals(0.6667, types.get("MONEY").get("precision").asDouble(), 1e-9, "2 of 3 MONEY records were right");
        assertEquals(1.0, types.get("PERCENT").get("precision").asDouble());
        assertEquals(1.0, types.get("ORG").get("precision").asDouble());
        JsonNode metrics = score.report().get("metrics");
        assertEquals(1.0, metrics.get("precision").asDouble(), "the corrected metric keeps its span and value");
        assertEquals(0.6667, metrics.get("field_acc").get("indicator").asDouble(), 1e-9, "its indicator was wrong");

        ReviewStats stats;
        try (ReviewDatabase db = ReviewDatabase.open(out.dir())) {
            stats = ReviewStats.of(out, db);
        }
        ReviewStats.Row money = stats.byType().stream().filter(r -> r.name().equals("MONEY")).findFirst().orElseThrow();
        assertEquals(3, money.judged());
        assertEquals(1, money.wrong());
        ReviewStats.Row metric = stats.byType().stream().filter(r -> r.name().equals("METRIC")).findFirst().orElseThrow();
        assertEquals(1, metric.corrected());
        assertEquals(2.0 / 3, metric.precision(), 1e-9);
        String moneyRule = ReviewFixture.record(out, "a", "MONEY", "5亿元").path("rule").asText();
        ReviewStats.Row rule = stats.byRule().stream().filter(r -> r.name().equals(moneyRule)).findFirst().orElseThrow();
        assertEquals(1, rule.wrong());
        assertTrue(stats.byRule().get(0).errors() >= stats.byRule().get(stats.byRule().size() - 1).errors(),
                "rules with the most errors first");
        assertTrue(stats.table().contains(moneyRule));
        assertEquals(12, stats.byType().stream().mapToInt(ReviewStats.Row::judged).sum(), "11 of a and 1 of b");
    }

    @Test
    void aDocumentWhoseSourceChangedSinceItsVerdictsIsLeftOut() throws Exception {
        try (ReviewDatabase db = ReviewDatabase.open(out.dir())) {
            judge(db);
            Files.writeString(dir.resolve("in/a.txt"), ReviewFixture.REPORT + "补充。", StandardCharsets.UTF_8);
            GoldExport.Report report = GoldExport.export(out, db, dir.resolve("gold"));
            assertEquals(0, report.documents());
            assertEquals(List.of("a"), report.staleSource());
            assertFalse(Files.exists(dir.resolve("gold/a.jsonl")));
        }
    }

    @Test
    void theGoldFolderCannotBeTheOutputOrItsRecords() throws Exception {
        try (ReviewDatabase db = ReviewDatabase.open(out.dir())) {
            for (Path bad : List.of(out.dir(), out.dir().resolve("records"), out.dir().resolve("records/x"))) {
                IOException e = assertThrows(IOException.class, () -> GoldExport.export(out, db, bad));
                assertTrue(e.getMessage().contains("refused"), e.getMessage());
            }
        }
    }
}
