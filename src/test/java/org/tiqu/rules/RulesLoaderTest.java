package org.tiqu.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.record.RecordType;

class RulesLoaderTest {

    private static final String GOOD = """
            type: PERCENT
            patterns:
              NUM: '\\d+'
            lexicons:
              sign: ['%', '％']
              unit: {个百分点: points}
            rules:
              - id: demo.pct
                kind: percent
                pattern: '(?<number>{demo.NUM}){demo.sign}'
                examples:
                  - text: 增长5%
                    expect: {text: 5%, value: {percent: "5"}}
                counter_examples:
                  - 没有
            """;

    @Test
    void loadsPiecesLexiconsAndRules(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD);
        RuleBook book = new RulesLoader().load(dir);
        Rule rule = book.file("demo").rules().get(0);
        assertEquals("demo.pct", rule.id());
        assertEquals(RecordType.PERCENT, rule.type());
        assertEquals(8, rule.line(), "a rule's line is its id's line");
        assertTrue(rule.pattern().matcher("增长12%").find());
        assertTrue(rule.pattern().matcher("增长12％").find());
        assertEquals("points", book.lexicon("demo.unit").get("个百分点"));
        assertEquals(1, rule.counterExamples().size());
        assertEquals(64, book.sha256().length());
    }

    @Test
    void theRulesDigestChangesWithAnyByte(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD);
        String before = new RulesLoader().load(dir).sha256();
        write(dir, "demo.yaml", GOOD + "\n");
        assertNotEquals(before, new RulesLoader().load(dir).sha256());
    }

    @Test
    void aBadRegexNamesFileLineAndReason(@TempDir Path dir) throws Exception {
        write(dir, "bad.yaml", GOOD.replace("'(?<number>{demo.NUM}){demo.sign}'", "'(?<number>[0-9'").replace("demo.", "bad."));
        RuleException e = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(e.getMessage().contains("bad.yaml:10: rule bad.pct"), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid regex"), e.getMessage());
        assertEquals(10, e.line());
    }

    @Test
    void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD.replace("kind: percent", "kind: percent\n   bad indentation: [x"));
        RuleException e = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("demo.yaml") + ":" + e.line() + ": "), e.getMessage());
        assertTrue(e.line() >= 9 && e.line() <= 11, e.getMessage());
    }

    @Test
    void unknownKeysAreErrors(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD.replace("kind: percent", "kind: percent\n    priorty: 3"));
        RuleException e = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(e.getMessage().contains("priorty"), e.getMessage());
        assertEquals(10, e.line());
    }

    @Test
    void danglingAndCircularReferencesAreErrors(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD.replace("{demo.NUM}", "{demo.NUMBER}"));
        RuleException dangling = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(dangling.getMessage().contains("unknown reference {demo.NUMBER}"), dangling.getMessage());

        write(dir, "demo.yaml", GOOD.replace("NUM: '\\d+'", "NUM: '\\d+{demo.MORE}'\n  MORE: 'x{demo.NUM}'"));
        RuleException cycle = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(cycle.getMessage().contains("circular reference"), cycle.getMessage());
    }

    @Test
    void everyRuleNeedsExamplesAndAUniqueId(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD.replaceAll("(?s)    examples:.*?counter_examples:", "    counter_examples:"));
        RuleException noExamples = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(noExamples.getMessage().contains("has no examples"), noExamples.getMessage());

        write(dir, "demo.yaml", GOOD);
        write(dir, "other.yaml", GOOD.replace("demo.NUM", "other.NUM").replace("demo.sign", "other.sign"));
        RuleException duplicate = assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
        assertTrue(duplicate.getMessage().contains("already used"), duplicate.getMessage());
    }

    @Test
    void inactiveRulesAreSkipped(@TempDir Path dir) throws Exception {
        write(dir, "demo.yaml", GOOD.replace("kind: percent", "kind: percent\n    active: false"));
        assertTrue(new RulesLoader().load(dir).allRules().isEmpty());
    }

    @Test
    void aMissingOrEmptyFolderIsAnError(@TempDir Path dir) {
        assertThrows(RuleException.class, () -> new RulesLoader().load(dir.resolve("none")));
        assertThrows(RuleException.class, () -> new RulesLoader().load(dir));
    }

    @Test
    void theProjectRulesLoad() {
        RuleBook book = new RulesLoader().load(Path.of("rules"));
        assertTrue(book.allRules().size() > 0);
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
