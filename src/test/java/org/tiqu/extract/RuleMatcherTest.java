package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.tiqu.document.Document;
import org.tiqu.rules.Rule;
import org.tiqu.testing.TestPipelines;

/** The start-character shortcut must find exactly what {@code find()} finds. */
class RuleMatcherTest {

    @Test
    void everyRuleFindsWhatFindFindsOnTheSeeds() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            seeds = files.sorted().toList();
        }
        String tricky = "去年12月，2023年３月5日至2024年上半年，增长12.5%，约3000万元。ａ𠀀2023年。\n";
        List<String> texts = new ArrayList<>();
        texts.add(tricky);
        for (Path p : seeds) {
            texts.add(Files.readString(p));
        }
        int rules = 0;
        for (String text : texts) {
            Document document = TestPipelines.standard().document(TestPipelines.source("t", text), null);
            for (Rule rule : TestPipelines.standard().rules().allRules()) {
                if (rule.pattern() == null) {
                    continue;
                }
                rules++;
                List<String> expected = new ArrayList<>();
                Matcher m = rule.pattern().matcher(document.view().text());
                while (m.find()) {
                    if (m.end() > m.start()) {
                        expected.add(m.start() + "-" + m.end());
                    }
                }
                List<String> actual = new ArrayList<>();
                RuleMatcher.forEachMatch(rule, document, r -> actual.add(r.viewStart() + "-" + r.viewEnd()));
                assertEquals(expected, actual, rule.id());
            }
        }
        assertTrue(rules > 0);
    }

    @Test
    void startCharactersAreLearntFromThePattern() {
        Pattern p = Pattern.compile("(?<![0-9])(?:约)?[0-9]+年");
        StartChars starts = new StartChars(p);
        assertTrue(starts.learnt());
        assertTrue(starts.mayStartWith(p, '约'));
        assertTrue(starts.mayStartWith(p, '7'));
        assertFalse(starts.mayStartWith(p, '年'));
        assertFalse(starts.mayStartWith(p, 'a'));
        assertFalse(starts.mayStartBetween(p, '5', '3', '年'), "inside a number");
        assertTrue(starts.mayStartBetween(p, '在', '3', '年'));
        assertTrue(starts.mayStartBetween(p, '在', '3', '0'));
        assertFalse(starts.mayStartBetween(p, '在', '3', '月'), "cannot go on");
    }

    @Test
    void positiveLookbehindsBeforeTheStartKeepEveryCharacter() {
        Pattern behind = Pattern.compile("(?<=约)[0-9]+");
        assertTrue(new StartChars(behind).mayStartWith(behind, '年'));
        Pattern boundary = Pattern.compile("\\b[0-9]+");
        assertTrue(new StartChars(boundary).mayStartWith(boundary, '年'));
        // A positive lookbehind after the first character reads nothing before the start.
        Pattern later = Pattern.compile("[0-9]+(?<=[0-9])年");
        assertFalse(new StartChars(later).mayStartWith(later, '年'));
        assertTrue(new StartChars(later).mayStartWith(later, '8'));
        Pattern anchored = Pattern.compile("^年");
        assertTrue(new StartChars(anchored).mayStartWith(anchored, '年'));
        assertFalse(new StartChars(Pattern.compile("\\G年")).learnt());
    }
}
