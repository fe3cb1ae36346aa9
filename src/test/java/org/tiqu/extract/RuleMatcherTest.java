package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.document.Document;
import org.tiqu.rules.Rule;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.TestPipelines;

/** The start-character shortcut must find exactly what {@code find()} finds. */
class RuleMatcherTest {

    @Test
    void everyRuleFindsWhatFindFindsOnTheSeedsAndCorpus(@TempDir Path corpus) throws IOException {
        List<Path> files;
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            files = new ArrayList<>(seeds.sorted().toList());
        }
        if (Files.isRegularFile(CorpusFiles.CNEWS)) {
            CorpusFiles.write(CorpusFiles.CNEWS, corpus, 120);
            try (Stream<Path> news = Files.list(corpus)) {
                files.addAll(news.sorted().toList());
            }
        }
        String tricky = "去年12月，2023年３月5日至2024年上半年，增长12.5%，约3000万元。ａ𠀀2023年。\n";
        List<String> texts = new ArrayList<>();
        texts.add(tricky);
        for (Path p : files) {
            texts.add(Files.readString(p));
        }
        List<Rule> rules = TestPipelines.standard().rules().allRules();
        RuleMatcher together = new RuleMatcher(rules);
        int compared = 0;
        for (String text : texts) {
            Document document = TestPipelines.standard().document(TestPipelines.source("t", text), null);
            RuleMatcher.Scan scan = together.scan(document);
            for (Rule rule : rules) {
                if (rule.pattern() == null) {
                    continue;
                }
                List<String> expected = new ArrayList<>();
                Matcher m = rule.pattern().matcher(document.view().text());
                while (m.find()) {
                    if (m.end() > m.start()) {
                        expected.add(m.start() + "-" + m.end());
                    }
                }
                List<String> scanned = new ArrayList<>();
                scan.forEachMatch(rule, r -> scanned.add(r.viewStart() + "-" + r.viewEnd()));
                assertEquals(expected, scanned, rule.id());
                compared += expected.size();
            }
        }
        assertTrue(compared > 1000, "matches compared: " + compared);
    }

    @Test
    void aScanOnlyRunsItsOwnRules() {
        List<Rule> rules = TestPipelines.standard().rules().file("percent").rules();
        Rule other = TestPipelines.standard().rules().file("money").rules().get(0);
        Document document = TestPipelines.standard().document(TestPipelines.source("t", "增长5%"), null);
        RuleMatcher.Scan scan = new RuleMatcher(rules).scan(document);
        assertThrows(IllegalArgumentException.class, () -> scan.forEachMatch(other, m -> { }));
    }

    @Test
    void startCharactersAreLearntFromThePattern() {
        Pattern p = Pattern.compile("(?<![0-9])(?:约)?[0-9]+年");
        StartChars starts = new StartChars(p);
        assertTrue(starts.learnable());
        assertTrue(starts.mayStartWith('约'));
        assertTrue(starts.mayStartWith('7'));
        assertFalse(starts.mayStartWith('年'));
        assertFalse(starts.mayStartWith('a'));
        assertFalse(starts.mayStartBetween('5', '3', '年'), "inside a number");
        assertTrue(starts.mayStartBetween('在', '3', '年'));
        assertTrue(starts.mayStartBetween('在', '3', '0'));
        assertFalse(starts.mayStartBetween('在', '3', '月'), "cannot go on");
    }

    @Test
    void positiveLookbehindsBeforeTheStartKeepEveryCharacter() {
        Pattern behind = Pattern.compile("(?<=约)[0-9]+");
        assertTrue(new StartChars(behind).mayStartWith('年'));
        Pattern boundary = Pattern.compile("\\b[0-9]+");
        assertTrue(new StartChars(boundary).mayStartWith('年'));
        // A positive lookbehind after the first character reads nothing before the start.
        Pattern later = Pattern.compile("[0-9]+(?<=[0-9])年");
        assertFalse(new StartChars(later).mayStartWith('年'));
        assertTrue(new StartChars(later).mayStartWith('8'));
        Pattern anchored = Pattern.compile("^年");
        assertTrue(new StartChars(anchored).mayStartWith('年'));
        assertFalse(new StartChars(Pattern.compile("\\G年")).learnable());
    }

    @Test
    void anAnchorOnTheTextsBeginningOpensEveryCharacterOnlyThere() {
        // A name at the text's start or after a delimiter the pattern consumes.
        StartChars listed = new StartChars(Pattern.compile("(?:\\A|[，、])(?<name>[\\p{IsHan}]{2,4})等"));
        assertTrue(listed.mayStartWith('华'), "at offset 0");
        assertFalse(listed.mayStartInside('华'));
        assertTrue(listed.mayStartInside('，'));
        StartChars line = new StartChars(Pattern.compile("(?m)^新华网"));
        assertTrue(line.mayStartInside('新'), "multi-line ^ reads the character before");
        StartChars behind = new StartChars(Pattern.compile("(?<![0-9])[0-9]+年"));
        assertFalse(behind.mayStartInside('年'));
        assertTrue(behind.mayStartInside('7'));

        List<Rule> rules = TestPipelines.standard().rules().file("org").rules();
        Document document = TestPipelines.standard().document(TestPipelines.source("t", "华为、中兴等企业。上汽、一汽、东风，销量增长。"), null);
        RuleMatcher.Scan scan = new RuleMatcher(rules).scan(document);
        List<String> items = new ArrayList<>();
        Rule peers = rules.stream().filter(r -> r.id().equals("org.list-peers")).findFirst().orElseThrow();
        scan.forEachMatch(peers, m -> items.add(m.group("items")));
        assertEquals(List.of("华为、中兴等企业", "上汽、一汽、东风"), items, "the same as find(), from offset 0 and after a comma");
    }
}
