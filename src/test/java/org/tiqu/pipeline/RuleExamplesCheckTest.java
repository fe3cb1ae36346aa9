package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RulesLoader;

/** The example checker itself: values compare as data, and a wrong expectation fails. */
class RuleExamplesCheckTest {

    private static RuleExamples.Failure[] check(Path dir, String expect, String counter) throws Exception {
        Files.writeString(dir.resolve("percent.yaml"), """
                type: PERCENT
                rules:
                  - id: percent.plain
                    kind: percent
                    pattern: '(?<number>\\d+(?:\\.\\d+)?)%'
                    examples:
                      - text: 同比增长15.28%
                        expect: EXPECT
                    counter_examples:
                      - COUNTER
                """.replace("EXPECT", expect).replace("COUNTER", counter), StandardCharsets.UTF_8);
        Files.copy(Path.of("rules", "number.yaml"), dir.resolve("number.yaml"), StandardCopyOption.REPLACE_EXISTING);
        RuleBook book = new RulesLoader().load(dir);
        List<RuleExamples.Failure> failures = new RuleExamples(Pipeline.standard(book)).checkAll();
        return failures.toArray(RuleExamples.Failure[]::new);
    }

    @Test
    void numbersCompareAsDecimals(@TempDir Path dir) throws Exception {
        assertEquals(0, check(dir, "{text: 15.28%, value: {percent: \"15.280\"}}", "没有百分比").length);
    }

    @Test
    void aWrongValueTextOrRuleFails(@TempDir Path dir) throws Exception {
        RuleExamples.Failure[] wrongValue = check(dir, "{text: 15.28%, value: {percent: \"15.29\"}}", "没有");
        assertEquals(1, wrongValue.length);
        assertTrue(wrongValue[0].message().contains("with value"), wrongValue[0].message());

        assertEquals(1, check(dir, "{text: 15.2%, value: {percent: \"15.2\"}}", "没有").length);
        assertEquals(1, check(dir, "{text: 15.28%, rule: percent.other}", "没有").length);
        assertEquals(1, check(dir, "{text: 15.28%, value: {percent: \"15.28\", approx: over}}", "没有").length);
    }

    @Test
    void aCounterExampleThatProducesARecordFails(@TempDir Path dir) throws Exception {
        RuleExamples.Failure[] f = check(dir, "{text: 15.28%}", "占比3%");
        assertEquals(1, f.length);
        assertTrue(f[0].message().startsWith("counter-example produced"), f[0].message());
    }
}
