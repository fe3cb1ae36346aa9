package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.RecordFiles;
import org.tiqu.testing.TestPipelines;

class BatchRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    private BatchSummary run(Path in, Path out, BatchOptions options) throws IOException {
        return new BatchRunner(TestPipelines.standard(), out, new PrintStream(logBytes, true, StandardCharsets.UTF_8), options)
                .run(List.of(in));
    }

    private BatchSummary run(Path in, Path out) throws IOException {
        return run(in, out, BatchOptions.defaults().withThreads(2));
    }

    private Path sources() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "一般公共预算收入同比增长15.28%，工业投资增长28.79%。\n");
        Files.writeString(in.resolve("b.txt"), "出口下降3.5%，进口增长百分之十二。\n");
        Files.write(in.resolve("c.txt"), "利润提高了12%，达到历史高位。\n".getBytes(Charset.forName("GB18030")));
        return in;
    }

    @Test
    void secondRunSkipsUnchangedRedoesChangedAndKeepsEveryEntry() throws IOException {
        Path in = sources();
        Path out = dir.resolve("out");
        BatchSummary first = run(in, out);
        assertEquals(3, first.done());
        assertEquals(0, first.skipped());
        byte[] manifestBefore = Files.readAllBytes(out.resolve(Manifest.FILE_NAME));

        BatchSummary second = run(in, out);
        assertEquals(0, second.done());
        assertEquals(3, second.skipped());
        assertEquals(first.recordsByType(), second.recordsByType());
        assertEquals(new String(manifestBefore, StandardCharsets.UTF_8),
                Files.readString(out.resolve(Manifest.FILE_NAME)), "an all-skipped run changes nothing");
        Files.delete(out.resolve("audit.html"));
        run(in, out);
        assertTrue(Files.isRegularFile(out.resolve("audit.html")), "a missing report is made again");

        Files.writeString(in.resolve("b.txt"), "出口下降4.5%。\n");
        BatchSummary third = run(in, out);
        assertEquals(1, third.done());
        assertEquals(2, third.skipped());
        Manifest manifest = Manifest.read(out);
        assertEquals(3, manifest.documents().size(), "skipped documents keep their entries");
        DocumentEntry b = entry(manifest, "b");
        JsonNode percent = RecordFiles.read(out, b).stream().filter(r -> r.get("type").asText().equals("PERCENT"))
                .findFirst().orElseThrow();
        assertEquals("4.5%", percent.get("text").asText());
        assertTrue(new Auditor().audit(out).passed());
    }

    @Test
    void changedRulesOrCodeRedoesEverything() throws IOException {
        Path in = sources();
        Path out = dir.resolve("out");
        run(in, out);
        rewriteEntries(out, e -> new DocumentEntry(e.doc(), e.source(), e.sha256(), e.format(), e.encoding(), e.bom(),
                e.offsets(), e.text(), e.status(), e.records(), e.counts(), e.reference(), "older-rules", e.codeSha256(),
                e.referenceDate(), e.error()));
        assertEquals(3, run(in, out).done());
        rewriteEntries(out, e -> new DocumentEntry(e.doc(), e.source(), e.sha256(), e.format(), e.encoding(), e.bom(),
                e.offsets(), e.text(), e.status(), e.records(), e.counts(), e.reference(), e.rulesSha256(), "older-code",
                e.referenceDate(), e.error()));
        assertEquals(3, run(in, out).done());
        assertEquals(3, run(in, out).skipped());
    }

    private static void rewriteEntries(Path out, java.util.function.UnaryOperator<DocumentEntry> change) throws IOException {
        Manifest m = Manifest.read(out);
        new Manifest(m.tool(), m.version(), m.rulesDir(), m.rulesSha256(), m.referenceDate(),
                m.documents().stream().map(change).toList()).write(out);
    }

    @Test
    void deletedSourcesKeepTheirRecordsUnlessPruned() throws IOException {
        Path in = sources();
        Path out = dir.resolve("out");
        run(in, out);
        Files.delete(in.resolve("c.txt"));
        BatchSummary kept = run(in, out);
        assertEquals(2, kept.skipped());
        assertTrue(Files.exists(out.resolve("records/c.jsonl")));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("1 source in the manifest is gone; its records are kept"));
        assertEquals(3, Manifest.read(out).documents().size());

        BatchSummary pruned = run(in, out, BatchOptions.defaults().withThreads(1).withPrune(true));
        assertEquals(1, pruned.pruned());
        assertFalse(Files.exists(out.resolve("records/c.jsonl")));
        assertEquals(2, Manifest.read(out).documents().size());
        assertTrue(new Auditor().audit(out).passed());
    }

    @Test
    void failedDocumentsAreNamedAndTheBatchGoesOn() throws IOException {
        Path in = sources();
        Files.write(in.resolve("binary.txt"), new byte[] {1, 0, 2, 0, 3});
        Files.writeString(in.resolve("empty.txt"), "");
        Path out = dir.resolve("out");
        BatchSummary summary = run(in, out);
        assertEquals(3, summary.done());
        assertEquals(2, summary.failed(), summary.failedSources().toString());
        assertTrue(summary.failedSources().get(0).endsWith("binary.txt"), summary.failedSources().toString());
        Manifest manifest = Manifest.read(out);
        assertTrue(manifest.documents().stream().filter(e -> !e.ok()).allMatch(e -> e.error() != null));
        assertEquals(2, run(in, out).failed(), "failed documents are tried again");
    }

    @Test
    void outputIsByteIdenticalForOneAndManyThreads() throws IOException {
        Path in = sources();
        for (int i = 0; i < 20; i++) {
            Files.writeString(in.resolve("n" + i + ".txt"), "第" + i + "季度营收同比增长" + i + ".5%，利润下降" + (i + 1) + "%。\n");
        }
        Path one = dir.resolve("out1");
        Path four = dir.resolve("out4");
        run(in, one, BatchOptions.defaults().withThreads(1));
        run(in, four, BatchOptions.defaults().withThreads(4));
        assertEquals(contents(one), contents(four));
    }

    @Test
    void htmlArticleTextIsExtractedSavedAndAudited() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("p.html"), """
                <html><head><title>营收公告</title><script>var x = "增长99%";</script></head>
                <body><nav>首页 | 新闻</nav>
                <article><h1>营收公告</h1><p>公司营收同比增长15%，</p><p>利润&lt;下降&gt;3.5%。</p></article>
                <footer>版权所有 增长1%</footer></body></html>
                """);
        Path out = dir.resolve("out");
        assertEquals(1, run(in, out).done());
        DocumentEntry p = entry(Manifest.read(out), "p");
        assertEquals(DocumentEntry.FORMAT_HTML, p.format());
        assertEquals(DocumentEntry.OFFSETS_TEXT, p.offsets());
        assertEquals("text/p.txt", p.text());
        assertEquals("营收公告\n公司营收同比增长15%，\n利润<下降>3.5%。\n", Files.readString(out.resolve(p.text())));
        List<String> texts = RecordFiles.read(out, p).stream().filter(r -> r.get("type").asText().equals("PERCENT"))
                .map(r -> r.get("text").asText()).toList();
        assertEquals(List.of("15%", "3.5%"), texts, "scripts, navigation and footers are not article text");
        assertTrue(new Auditor().audit(out).passed());

        Files.writeString(out.resolve(p.text()), "tampered\n");
        AuditReport report = new Auditor().audit(out);
        assertFalse(report.passed());
    }

    @Test
    void leftoverTemporaryFilesOfAKilledRunAreRemoved() throws IOException {
        Path in = sources();
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("records"));
        Path leftover = Files.writeString(out.resolve("records/.a.jsonl.123.tmp"), "{\"half");
        run(in, out);
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aDocumentOverItsTimeBudgetIsFailedWithItsReasonAndTheBatchGoesOn() throws IOException {
        Path in = sources();
        Files.writeString(in.resolve("huge.txt"), "增长15.28%、".repeat(1_000_000));
        Path out = dir.resolve("out");
        BatchSummary summary = run(in, out, BatchOptions.defaults().withThreads(1).withBudget(Duration.ofSeconds(1)));

        assertEquals(3, summary.done());
        assertEquals(List.of("huge.txt"), summary.failedSources().stream().map(s -> Path.of(s).getFileName().toString()).toList());
        DocumentEntry huge = Manifest.read(out).documents().stream().filter(e -> "huge".equals(e.doc())).findFirst().orElseThrow();
        assertFalse(huge.ok());
        assertTrue(huge.error().contains("time budget of 1000 ms"), huge.error());
        assertFalse(Files.exists(out.resolve("records/huge.jsonl")));
    }

    private static DocumentEntry entry(Manifest m, String doc) {
        DocumentEntry e = m.documents().stream().filter(d -> doc.equals(d.doc())).findFirst().orElseThrow();
        assertNull(e.error());
        return e;
    }

    /** Every output file by path, as text: equal maps mean byte-identical folders. */
    static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
