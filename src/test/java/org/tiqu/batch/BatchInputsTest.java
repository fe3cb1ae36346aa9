package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.RecordFiles;
import org.tiqu.testing.TestPipelines;

/** What a batch reads, and under which id: folders, links, repeats, and its own output. */
class BatchInputsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    private BatchSummary run(Path out, BatchOptions options, Path... inputs) throws IOException {
        return new BatchRunner(TestPipelines.standard(), out, new PrintStream(logBytes, true, StandardCharsets.UTF_8), options)
                .run(List.of(inputs));
    }

    private BatchSummary run(Path out, Path... inputs) throws IOException {
        return run(out, BatchOptions.defaults().withThreads(2), inputs);
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private Path seedsIn(String folder, int n) throws IOException {
        Path in = Files.createDirectories(dir.resolve(folder));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().limit(n).toList()) {
                Files.copy(seed, in.resolve(seed.getFileName()));
            }
        }
        return in;
    }

    /** Case 2: an output folder inside the input folder is never read back as input, however often the batch runs. */
    @Test
    void anOutputFolderInsideTheInputIsNotReadBack() throws IOException {
        Path nest = seedsIn("nest", 3);
        Path out = nest.resolve("out");
        for (int i = 0; i < 3; i++) {
            BatchSummary s = run(out, nest);
            assertEquals(0, s.failed(), log());
            assertEquals(3, s.done() + s.skipped(), log());
        }
        assertEquals(3, Manifest.read(out).documents().size());
        assertTrue(log().contains("the output folder, not read"), log());

        // Another tiqu output folder beside the inputs is not read either, and says so.
        BatchSummary other = run(dir.resolve("elsewhere"), nest);
        assertEquals(3, other.done(), log());
        assertTrue(log().contains("a tiqu output folder"), log());
        assertTrue(new Auditor().audit(out).passed());
    }

    /** Case 4: the output folder reached through a link is the same folder; nothing is gone, clashes or is pruned. */
    @Test
    void anOutputFolderThroughALinkIsTheSameFolder() throws IOException {
        Path in = seedsIn("in", 3);
        Path out = Files.createDirectories(dir.resolve("real-out"));
        Path link = Files.createSymbolicLink(dir.resolve("link-out"), out);
        assertEquals(3, run(link, in).done(), log());
        BatchSummary viaReal = run(out, in);
        assertEquals(3, viaReal.skipped(), log());
        assertEquals(0, viaReal.failed(), log());
        BatchSummary pruning = run(link, BatchOptions.defaults().withPrune(true), in);
        assertEquals(0, pruning.pruned(), log());
        assertEquals(3, pruning.skipped(), log());
        assertFalse(log().contains("are gone"), log());
        assertEquals(3, Manifest.read(out).documents().size());
        assertTrue(new Auditor().audit(link).passed());
    }

    /**
     * Case 8: the same file name in two folders, or two files of one folder that differ in
     * their extension, are different documents; their ids keep their folders, and records,
     * manifest, layout and audit agree.
     */
    @Test
    void theSameFileNameInTwoFoldersMakesTwoDocuments() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.createDirectories(in.resolve("2024/01"));
        Files.createDirectories(in.resolve("2024/02"));
        Files.writeString(in.resolve("2024/01/index.html"), "<html><body><p>一月营收同比增长15%。</p></body></html>");
        Files.writeString(in.resolve("2024/02/index.html"), "<html><body><p>二月营收同比增长16%。</p></body></html>");
        Files.writeString(in.resolve("x.txt"), "利润下降3%。");
        Files.writeString(in.resolve("x.html"), "<html><body><p>利润下降4%。</p></body></html>");
        Files.writeString(in.resolve("y.txt"), "出口增长5%。");
        Path out = dir.resolve("out");
        BatchSummary s = run(out, in);
        assertEquals(5, s.done(), log());
        assertEquals(0, s.failed(), log());

        Map<String, DocumentEntry> byDoc = new TreeMap<>();
        Manifest.read(out).documents().forEach(e -> byDoc.put(e.doc(), e));
        assertEquals(List.of("2024/01/index", "2024/02/index", "x.html", "x.txt", "y"), List.copyOf(byDoc.keySet()));
        DocumentEntry january = byDoc.get("2024/01/index");
        assertEquals("records/2024/01/index.jsonl", january.records());
        assertEquals("text/2024/01/index.txt", january.text());
        for (DocumentEntry e : byDoc.values()) {
            for (JsonNode r : RecordFiles.read(out, e)) {
                assertEquals(e.doc(), r.get("doc").asText(), "records carry their document's id");
            }
        }
        assertTrue(Files.readString(out.resolve("metrics.csv")).contains("2024/02/index,"));
        AuditReport audit = new Auditor().audit(out);
        assertTrue(audit.passed(), audit.issues().toString());

        // The ids of files given alone, or of a flat folder as the seeds, are their names.
        Path seeds = seedsIn("flat", 2);
        run(dir.resolve("out-flat"), seeds);
        try (Stream<Path> names = Files.list(seeds)) {
            List<String> expected = names.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", "")).sorted().toList();
            assertEquals(expected, Manifest.read(dir.resolve("out-flat")).documents().stream().map(DocumentEntry::doc).toList());
        }

        // A file that gets a sibling of the same name is redone under its new id, and its old files go.
        Files.writeString(in.resolve("y.htm"), "<html><body><p>进口增长6%。</p></body></html>");
        BatchSummary again = run(out, in);
        assertEquals(2, again.done(), log());
        assertFalse(Files.exists(out.resolve("records/y.jsonl")));
        assertTrue(Files.exists(out.resolve("records/y.txt.jsonl")));
        assertTrue(new Auditor().audit(out).passed(), new Auditor().audit(out).issues().toString());
    }

    /** Case 9: file names (and text) reach metrics.csv, which is for a spreadsheet: no cell may start a formula. */
    @Test
    void sourceNamesThatLookLikeFormulasAreInertInMetricsCsv() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        String text = "1-7月，规上工业总产值完成214.35亿元、增长10.65%。";
        Files.writeString(in.resolve("=1+1.txt"), text);
        Files.writeString(in.resolve("@SUM(1+1)*cmd|calc.txt"), text);
        Files.writeString(in.resolve("-2+3.txt"), text);
        Path out = dir.resolve("out");
        assertEquals(3, run(out, in).done(), log());
        String csv = Files.readString(out.resolve("metrics.csv"), StandardCharsets.UTF_8).substring(1); // the BOM
        List<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).<List<String>>readValues(csv).readAll();
        List<String> docs = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).sorted().toList();
        assertEquals(List.of("'-2+3", "'=1+1", "'@SUM(1+1)*cmd|calc"), docs);
    }

    /** Case 10: a file reached twice is one document; what a walk passes over is named. */
    @Test
    void repeatedInputsCountOnceAndSkippedLinksAreNamed() throws IOException {
        Path d = seedsIn("d", 4);
        Path f;
        try (Stream<Path> files = Files.list(d)) {
            f = files.sorted().findFirst().orElseThrow();
        }
        Files.createSymbolicLink(d.resolve("dangling.txt"), dir.resolve("no-such-file.txt"));
        Files.createSymbolicLink(d.resolve("loop-a.txt"), d.resolve("loop-b.txt"));
        Files.createSymbolicLink(d.resolve("loop-b.txt"), d.resolve("loop-a.txt"));
        Path elsewhere = seedsIn("elsewhere", 1);
        Files.createSymbolicLink(d.resolve("linked-folder"), elsewhere);
        BatchSummary s = run(dir.resolve("out"), d, d, f);
        assertEquals(4, s.done() + s.skipped() + s.failed(), log());
        assertEquals(0, s.failed(), log());
        assertTrue(log().contains("dangling.txt: a broken link"), log());
        assertTrue(log().contains("loop-a.txt: a broken link"), log());
        assertTrue(log().contains("linked-folder: a link to a folder, not followed"), log());
    }
}
