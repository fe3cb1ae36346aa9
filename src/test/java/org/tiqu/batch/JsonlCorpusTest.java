package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.testing.TestPipelines;

/** JSONL corpora: one document a line, ids from the lines, offsets into each line's text value (issue 18). */
class JsonlCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CNEWS = Path.of("../shared/benchmarks/corpus/cnews-sample.jsonl");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    private BatchSummary run(Path out, BatchOptions options, Path... in) throws IOException {
        logBytes.reset();
        return new BatchRunner(TestPipelines.standard(), out, new PrintStream(logBytes, true, StandardCharsets.UTF_8), options)
                .run(List.of(in));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theNewsCorpusGives438DocumentsWhoseOffsetsIndexEachLinesText() throws Exception {
        // Gzipped, so that .jsonl.gz is covered by the same bar; the lines are the corpus's own.
        Path gz = dir.resolve("cnews-sample.jsonl.gz");
        try (OutputStream zip = new GZIPOutputStream(Files.newOutputStream(gz))) {
            zip.write(Files.readAllBytes(CNEWS));
        }
        Path out = dir.resolve("out");
        BatchSummary summary = run(out, BatchOptions.defaults().withThreads(2), gz);
        assertEquals(438, summary.done(), log());
        assertEquals(0, summary.failed(), log());

        Map<String, String> textById = new HashMap<>();
        for (String line : Files.readAllLines(CNEWS, StandardCharsets.UTF_8)) {
            JsonNode d = JSON.readTree(line);
            textById.put(d.get("id").asText(), d.get("text").asText());
        }
        Manifest manifest = Manifest.read(out);
        assertEquals(438, manifest.documents().size());
        int records = 0;
        for (DocumentEntry e : manifest.documents()) {
            assertEquals(DocumentEntry.FORMAT_JSONL, e.format());
            assertEquals("text", e.textField());
            assertEquals(DocumentEntry.OFFSETS_TEXT, e.offsets());
            String text = textById.get(e.doc());
            assertTrue(text != null, "the id comes from the line: " + e.doc());
            int[] cps = text.codePoints().toArray();
            for (String r : Files.readAllLines(out.resolve(e.records()), StandardCharsets.UTF_8)) {
                JsonNode rec = JSON.readTree(r);
                int b = rec.get("begin").asInt();
                int end = rec.get("end").asInt();
                assertEquals(rec.get("text").asText(), new String(cps, b, end - b), e.doc() + " " + r);
                records++;
            }
        }
        assertTrue(records > 5000, "records: " + records);
        AuditReport audit = new Auditor().audit(out);
        assertTrue(audit.passed(), audit.issues().toString());
        assertEquals(438, audit.documents());

        assertEquals(438, run(out, BatchOptions.defaults().withThreads(2), gz).skipped(), "a second run skips every line");
    }

    @Test
    void fieldsFallbackIdsBadLinesAndIncrementalRuns() throws Exception {
        Path corpus = dir.resolve("c.jsonl");
        write(corpus,
                "{\"url\": \"u1\", \"body\": \"营收增长15%。\\n利润下降3%。\"}",
                "",
                "{\"body\": \"出口增长12%。\"}",
                "not json",
                "{\"url\": \"u1\", \"body\": \"重复的编号增长1%。\"}",
                "{\"url\": 7, \"body\": \"进口增长2%。\"}");
        Path out = dir.resolve("out");
        BatchOptions options = BatchOptions.defaults().withThreads(2).withFields("url", "body");
        BatchSummary first = run(out, options, corpus);
        assertEquals(3, first.done(), log());
        assertEquals(List.of(corpus + ":4", corpus + ":5"), first.failedSources());
        assertTrue(log().contains("not JSON"), log());
        assertTrue(log().contains("document id 'u1' is already taken by"), log());

        Map<String, DocumentEntry> byDoc = new HashMap<>();
        Manifest.read(out).documents().stream().filter(DocumentEntry::ok).forEach(e -> byDoc.put(e.doc(), e));
        assertEquals(List.of("c#3", "u1", "7"), new ArrayList<>(List.of("c#3", "u1", "7")).stream()
                .filter(byDoc::containsKey).toList(), "ids from the line, else <file>#<line>: " + byDoc.keySet());
        assertEquals(1, byDoc.get("u1").line());
        assertEquals(3, byDoc.get("c#3").line());
        assertEquals("body", byDoc.get("u1").textField());
        assertEquals("营收增长15%。\n利润下降3%。", Files.readString(out.resolve(byDoc.get("u1").text())),
                "the saved text is the value, JSON escapes decoded");
        assertTrue(new Auditor().audit(out).passed());

        // One line edited, one removed: one redone, the removed one's records kept until --prune.
        write(corpus,
                "{\"url\": \"u1\", \"body\": \"营收增长16%。\\n利润下降3%。\"}",
                "",
                "{\"body\": \"出口增长12%。\"}",
                "not json",
                "{\"url\": \"u1\", \"body\": \"重复的编号增长1%。\"}");
        BatchSummary second = run(out, options, corpus);
        assertEquals(1, second.done(), log());
        assertEquals(1, second.skipped(), log());
        assertTrue(log().contains("1 source in the manifest is gone; its records are kept"), log());
        BatchSummary third = run(out, options.withPrune(true), corpus);
        assertEquals(1, third.pruned(), log());
        assertFalse(Files.exists(out.resolve("records/7.jsonl")));
        assertTrue(new Auditor().audit(out).passed(), new Auditor().audit(out).issues().toString());
    }

    @Test
    void anIdThatWouldLeaveTheRecordsFolderFailsItsLineAlone() throws Exception {
        Path corpus = dir.resolve("c.jsonl");
        write(corpus, "{\"id\": \"../../escaped\", \"text\": \"营收增长15%。\"}",
                "{\"id\": \"2024/a\", \"text\": \"利润下降3%。\"}");
        Path out = dir.resolve("out");
        BatchSummary summary = run(out, BatchOptions.defaults().withThreads(1), corpus);
        assertEquals(1, summary.done(), log());
        assertEquals(List.of(corpus + ":1"), summary.failedSources());
        assertTrue(log().contains("the id '../../escaped' cannot name a records file"), log());
        assertFalse(Files.exists(dir.resolve("escaped.jsonl")));
        assertFalse(Files.exists(out.resolve("escaped.jsonl")));
        assertTrue(Files.exists(out.resolve("records/2024/a.jsonl")), "a '/' in an id nests, as folder ids do");
        assertTrue(new Auditor().audit(out).passed());
    }

    @Test
    void auditFindsAnEditedLine() throws Exception {
        Path corpus = dir.resolve("c.jsonl");
        write(corpus, "{\"id\": \"a\", \"text\": \"营收增长15%。\"}", "{\"id\": \"b\", \"text\": \"利润下降3%。\"}");
        Path out = dir.resolve("out");
        run(out, BatchOptions.defaults().withThreads(1), corpus);
        assertTrue(new Auditor().audit(out).passed());
        write(corpus, "{\"id\": \"a\", \"text\": \"营收增长15%。\"}", "{\"id\": \"b\", \"text\": \"利润下降4%。\"}");
        AuditReport audit = new Auditor().audit(out);
        assertFalse(audit.passed());
        assertTrue(audit.issues().toString().contains("line 2 of"), audit.issues().toString());
        assertNull(Manifest.read(out).documents().get(0).error());
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
