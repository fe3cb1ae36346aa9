package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.review.DocumentIndex.Field;
import org.tiqu.review.DocumentIndex.Status;

/** The review's index over a real extraction: search, paging, progress and following re-extraction. */
class DocumentIndexTest {

    @TempDir
    Path dir;

    @Test
    void searchesByIdTextIndicatorAndOrganisation() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a", ReviewFixture.REPORT);
        sources.put("b", ReviewFixture.OTHER);
        for (int i = 0; i < 5; i++) {
            sources.put("c" + i, "第" + i + "段，没有数字的文字。Plain English words here.\n");
        }
        OutputFolder out = new OutputFolder(ReviewFixture.extract(dir, sources));
        try (ReviewDatabase verdicts = ReviewDatabase.open(out.dir()); DocumentIndex index = DocumentIndex.open(out, verdicts)) {
            DocumentIndex.SyncReport first = index.sync(false, null);
            assertEquals(7, first.documents());
            assertEquals(7, first.read());

            assertEquals(List.of("a"), ids(index.search("济北", Field.TEXT, Status.ALL, 0, 10)), "two characters");
            assertEquals(List.of("a"), ids(index.search("预算收入完成13.72", Field.TEXT, Status.ALL, 0, 10)), "Han and digits");
            assertEquals(List.of("a", "b"), ids(index.search("增", Field.TEXT, Status.ALL, 0, 10)), "one character");
            assertEquals(List.of("b"), ids(index.search("高新区实际", Field.TEXT, Status.ALL, 0, 10)));
            assertEquals(List.of(), ids(index.search("北济", Field.TEXT, Status.ALL, 0, 10)), "order matters");
            assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), ids(index.search("english", Field.TEXT, Status.ALL, 0, 10)));
            assertEquals(List.of("a"), ids(index.search("总产值", Field.INDICATOR, Status.ALL, 0, 10)));
            assertEquals(List.of(), ids(index.search("济北", Field.INDICATOR, Status.ALL, 0, 10)), "not an indicator");
            assertEquals(List.of("a"), ids(index.search("七运", Field.ORG, Status.ALL, 0, 10)));
            assertEquals(List.of("c3"), ids(index.search("c3", Field.ID, Status.ALL, 0, 10)));
            assertEquals(List.of("c3"), ids(index.search("c3", Field.ANY, Status.ALL, 0, 10)));
            assertEquals(List.of(), ids(index.search("\"OR*", Field.TEXT, Status.ALL, 0, 10)), "query syntax is never passed on");
            assertEquals(List.of(), ids(index.search("%", Field.ID, Status.ALL, 0, 10)), "LIKE wildcards are escaped");

            DocumentIndex.Page page = index.search("", Field.ANY, Status.ALL, 1, 3);
            assertEquals(List.of("c1", "c2", "c3"), ids(page), "manifest (source path) order, paged");
            assertEquals(7, page.total());
            assertEquals(3, page.pages());

            DocumentIndex.Entry a = index.byId("a");
            assertEquals(11, a.records());
            assertEquals(Map.of("ORG", 2, "DATE", 1, "MONEY", 3, "PERCENT", 2, "METRIC", 3), a.counts());
            assertEquals("b", index.byOrdinal(a.ordinal() + 1).id());
            DocumentIndex.Totals totals = index.totals();
            assertEquals(7, totals.documents());
            assertEquals(17, totals.records());

            verdicts.save("a", ReviewFixture.record(out, "a", "MONEY", "5亿元"), Verdict.Kind.CORRECT, null, "t",
                    a.ref().sha256(), a.ref().rulesSha256());
            index.refreshProgress("a");
            assertEquals(List.of("a"), ids(index.search("", Field.ANY, Status.PARTLY, 0, 10)));
            assertEquals(List.of("b"), ids(index.search("", Field.ANY, Status.UNREVIEWED, 0, 10)),
                    "documents without records are never 'not started'");
            assertEquals(1, index.totals().reviewed());
        }
    }

    @Test
    void followsReExtractionAndKeepsVerdictsOfChangedDocumentsStale() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a", ReviewFixture.REPORT);
        sources.put("b", ReviewFixture.OTHER);
        Path outDir = ReviewFixture.extract(dir, sources);
        OutputFolder out = new OutputFolder(outDir);
        try (ReviewDatabase verdicts = ReviewDatabase.open(out.dir()); DocumentIndex index = DocumentIndex.open(out, verdicts)) {
            index.sync(false, null);
            DocumentIndex.Entry b = index.byId("b");
            verdicts.save("b", ReviewFixture.record(out, "b", "QUANTITY", "407家"), Verdict.Kind.CORRECT, null, "t",
                    b.ref().sha256(), b.ref().rulesSha256());
            index.refreshProgress("b");
            assertEquals(1, index.byId("b").reviewed());
            assertEquals(0, index.sync(false, null).read(), "nothing changed, nothing read");

            Files.writeString(dir.resolve("in/b.txt"), "新增企业407家。济南高新区。\n", StandardCharsets.UTF_8);
            Files.delete(dir.resolve("in/a.txt"));
            Files.writeString(dir.resolve("in/d.txt"), "收入增长5%。\n", StandardCharsets.UTF_8);
            new org.tiqu.batch.BatchRunner(org.tiqu.testing.TestPipelines.standard(), outDir,
                    new java.io.PrintStream(java.io.PrintStream.nullOutputStream()),
                    org.tiqu.batch.BatchOptions.defaults().withThreads(1).withPrune(true)).run(List.of(dir.resolve("in")));

            DocumentIndex.SyncReport again = index.sync(false, null);
            assertEquals(2, again.read(), "b changed and d is new");
            assertEquals(1, again.removed(), "a was pruned");
            assertNull(index.byId("a"));
            assertNotNull(index.byId("d"));
            DocumentIndex.Entry changed = index.byId("b");
            assertEquals(0, changed.reviewed());
            assertEquals(1, changed.stale(), "the verdict is kept, and shown stale: the source changed");
            assertEquals(List.of("b"), ids(index.search("", Field.ANY, Status.STALE, 0, 10)));
            assertEquals(List.of("b"), ids(index.search("高新区", Field.TEXT, Status.ALL, 0, 10)), "the new text is indexed");
            assertEquals(List.of(), ids(index.search("预算", Field.TEXT, Status.ALL, 0, 10)), "the pruned text is gone");
        }
        assertTrue(Files.isRegularFile(outDir.resolve(DocumentIndex.FILE_NAME)));
    }

    @Test
    void aManifestPathLeavingTheOutputFolderIsNeverRead() throws Exception {
        Path outDir = ReviewFixture.extract(dir, Map.of("a", ReviewFixture.REPORT));
        Files.writeString(dir.resolve("stolen.jsonl"), "{\"doc\":\"a\",\"type\":\"ORG\",\"begin\":0,\"end\":2,\"text\":\"济北\"}\n");
        Path manifest = outDir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"records/a.jsonl\"", "\"../stolen.jsonl\""));
        OutputFolder out = new OutputFolder(outDir);
        try (ReviewDatabase verdicts = ReviewDatabase.open(out.dir()); DocumentIndex index = DocumentIndex.open(out, verdicts)) {
            index.sync(false, null);
            DocumentIndex.Entry a = index.byId("a");
            assertEquals(0, a.records());
            assertTrue(a.problem().contains("leaves the output folder"), a.problem());
        }
    }

    @Test
    void searchTokensMakeHanRunsIntoPairs() {
        assertEquals(" 济南 南高 高 GDP13.72 亿元 元 ", SearchTokens.index("济南高GDP13.72亿元"));
        assertEquals("\"济南 南高\"", SearchTokens.match("济南高"));
        assertEquals("\"济\" *", SearchTokens.match("济"));
        assertEquals("\"GDP 增长 长 8\"", SearchTokens.match("GDP增长8%"));
        assertNull(SearchTokens.match("，。 %"));
    }

    private static List<String> ids(DocumentIndex.Page page) {
        return page.entries().stream().map(DocumentIndex.Entry::id).toList();
    }
}
