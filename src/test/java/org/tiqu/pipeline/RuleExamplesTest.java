package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.tiqu.rules.Rule;
import org.tiqu.testing.TestPipelines;

/** Every rule of {@code rules/} with its examples and counter-examples, one test per rule. */
class RuleExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyRuleKeepsItsExamples() {
        Pipeline pipeline = TestPipelines.standard();
        RuleExamples examples = new RuleExamples(pipeline);
        List<Rule> rules = pipeline.rules().allRules();
        assertTrue(!rules.isEmpty(), "no rules loaded");
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            List<RuleExamples.Failure> failures = examples.check(rule);
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures.stream().map(Object::toString).toList()));
        }));
    }
}
