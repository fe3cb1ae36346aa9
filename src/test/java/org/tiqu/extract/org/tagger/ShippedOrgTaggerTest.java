package org.tiqu.extract.org.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import org.tiqu.text.Span;

/** The model shipped in rules/models/org loads, tags plain sentences as expected, and matches its provenance. */
class ShippedOrgTaggerTest {

    private static final Path MODEL = Path.of("rules", "models", "org", "org-tagger.bin.gz");

    private static List<String> names(OrgTagger tagger, String text) {
        int[] cps = text.codePoints().toArray();
        return tagger.tag(text).stream().map((Span s) -> new String(cps, s.begin(), s.length())).toList();
    }

    @Test
    void loadsAndTagsNamesWithoutSuffixCues() {
        OrgTagger tagger = OrgTaggers.load(MODEL);
        assertTrue(tagger.features() > 100_000, "features: " + tagger.features());
        assertEquals(List.of("北京大学", "清华大学"), names(tagger, "北京大学与清华大学的学生参加了比赛。"));
        assertEquals(List.of("中国人民银行"), names(tagger, "中国人民银行今天宣布下调利率。"));
        assertEquals(List.of("埃克森美孚"), names(tagger, "巴斯夫和埃克森美孚在湛江投资建设新工厂。"));
        assertEquals(List.of(), names(tagger, "他在上海工作了三年。"));
    }

    @Test
    void provenanceNamesTheModelsChecksumAndTrainingData() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(Provenance.pathFor(MODEL), StandardCharsets.UTF_8)));
        assertEquals(Provenance.sha256(MODEL), p.getProperty("model.sha256"));
        assertEquals("msra-train.jsonl", p.getProperty("data.1"));
        assertEquals(64, p.getProperty("data.1.sha256").length());
        assertTrue(p.getProperty("command").startsWith("tiqu train org"));
        assertTrue(Files.size(MODEL) <= 20L << 20, "model over 20 MB");
        Path data = Path.of("..", "shared", "benchmarks", "ner-zh", "msra-train.jsonl");
        if (Files.isRegularFile(data)) {
            assertEquals(Provenance.sha256(data), p.getProperty("data.1.sha256"));
        }
    }
}
