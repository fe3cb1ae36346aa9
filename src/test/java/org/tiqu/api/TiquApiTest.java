package org.tiqu.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.Zips;

/** The library API: the command line's records, from a folder or a zip of rules, from 4 threads alike. */
class TiquApiTest {

    @TempDir
    static Path tmp;
    static Tiqu tiqu;
    static List<Path> documents = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        tiqu = Tiqu.load(Path.of("rules"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            seeds.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(documents::add);
        }
        Path corpus = tmp.resolve("corpus");
        CorpusFiles.write(CorpusFiles.CNEWS, corpus, 35);
        try (Stream<Path> files = Files.list(corpus)) {
            files.sorted().forEach(documents::add);
        }
    }

    @AfterAll
    static void close() {
        tiqu.close();
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void recordsAreTheBytesTheBatchWrites() throws IOException {
        Path out = tmp.resolve("batch");
        Path in = tmp.resolve("batch-in");
        Files.createDirectories(in);
        for (Path d : documents) {
            Files.copy(d, in.resolve(d.getFileName()));
        }
        new BatchRunner(tiqu.pipeline(), out, new PrintStream(OutputStream.nullOutputStream()),
                BatchOptions.defaults().withThreads(2)).run(List.of(in));
        for (Path d : documents) {
            Result r = tiqu.extract(idOf(d), Files.readAllBytes(d), d.getFileName().toString());
            assertTrue(r.ok(), r::toString);
            assertArrayEquals(Files.readAllBytes(out.resolve("records").resolve(idOf(d) + ".jsonl")), r.records(), d.toString());
            assertEquals(r.recordCount(), r.recordsText().lines().count());
            assertEquals(tiqu.rulesSha256(), r.rulesSha256());
            assertNotNull(r.reference());
        }
    }

    @Test
    void fourThreadsGiveTheResultsOfOne() throws Exception {
        List<Result> alone = new ArrayList<>();
        for (Path d : documents) {
            alone.add(tiqu.extract(idOf(d), Files.readAllBytes(d), d.getFileName().toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Result>> together = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Path d : documents) {
                    byte[] bytes = Files.readAllBytes(d);
                    together.add(pool.submit(() -> tiqu.extract(idOf(d), bytes, d.getFileName().toString())));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                Result a = alone.get(i % documents.size());
                Result b = together.get(i).get();
                assertEquals(a.id(), b.id());
                assertEquals(Status.OK, b.status());
                assertArrayEquals(a.records(), b.records(), a.id());
                assertEquals(a.counts(), b.counts());
                assertEquals(a.reference(), b.reference());
                assertEquals(a.sha256(), b.sha256());
                assertEquals(a.recordsSha256(), b.recordsSha256());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rulesFromAZipAreTheFoldersRules() throws IOException {
        Path zip = tmp.resolve("rules.zip");
        Zips.zipFolder(Path.of("rules"), "rules/", zip);
        try (Tiqu zipped = Tiqu.load(zip)) {
            assertEquals(tiqu.rulesSha256(), zipped.rulesSha256());
            Path d = documents.get(0);
            byte[] bytes = Files.readAllBytes(d);
            assertArrayEquals(tiqu.extract("a", bytes, "a.txt").records(), zipped.extract("a", bytes, "a.txt").records());
        }
    }

    @Test
    void rulesBundledInTheJarAreTheFoldersRules() throws IOException {
        try (Tiqu bundled = Tiqu.bundled()) {
            assertEquals(tiqu.rulesSha256(), bundled.rulesSha256(), "target/classes/tiqu-rules is rules/ as built");
            Path d = documents.get(1);
            byte[] bytes = Files.readAllBytes(d);
            assertArrayEquals(tiqu.extract("b", bytes, "b.txt").records(), bundled.extract("b", bytes, "b.txt").records());
        }
    }

    @Test
    void documentsThatCannotBeReadFailAlone() {
        Result empty = tiqu.extract("empty", new byte[0], "empty.txt");
        assertEquals(Status.FAILED, empty.status());
        assertTrue(empty.error().startsWith("empty"), empty.error());
        assertEquals(0, empty.recordsLength());
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7 % 256);
        }
        Result bin = tiqu.extract("bin", binary, "bin.txt");
        assertFalse(bin.ok());
        assertTrue(bin.error().startsWith("binary"), bin.error());
        Result page = tiqu.extract("page", "<html><head><title>济南高新区</title></head><body><p>2023年实现地区生产总值1500亿元。</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "page.html");
        assertTrue(page.ok(), page::toString);
        assertEquals("html", page.format());
        assertTrue(page.text().contains("1500亿元"));
        assertTrue(page.recordsText().contains("\"MONEY\""), page.recordsText());
        Result line = tiqu.extractJsonLine("{\"id\":\"x1\",\"text\":\"增长15.28%\"}".getBytes(StandardCharsets.UTF_8), 1,
                "c#1", Path.of("c.jsonl"));
        assertEquals("x1", line.id());
        assertTrue(line.recordsText().contains("\"PERCENT\""), line.recordsText());
    }

    @Test
    void hanlpsGlobalSettingsChangedByAnotherUserFailClearly() {
        byte[] bytes = "济南高新区2023年实现地区生产总值1500亿元。".getBytes(StandardCharsets.UTF_8);
        HanLP.Config.Normalization = true;
        try {
            Result r = tiqu.extract("n", bytes, "n.txt");
            assertFalse(r.ok());
            assertTrue(r.error().contains("HanLP.Config.Normalization=true"), r.error());
            assertThrows(IllegalStateException.class, () -> Tiqu.of(tiqu.pipeline(), Options.defaults()));
        } finally {
            HanLP.Config.Normalization = false;
        }
        assertTrue(tiqu.extract("n", bytes, "n.txt").ok());
    }
}
