package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.document.Deadline;
import org.tiqu.rules.RulesLoader;
import org.tiqu.testing.TestPipelines;

/** No rule can hang a batch: a document that overruns its budget is stopped. */
class TimeBudgetTest {

    @Test
    void catastrophicBacktrackingIsStopped(@TempDir Path dir) throws Exception {
        // (?:\d+){1,40}%% on a long run of digits and one % backtracks exponentially
        // (a bounded repeat escapes the loop memoisation of java.util.regex). The % is there
        // so that the matcher's cheap test (a % within reach of the digits) lets it be tried.
        Files.writeString(dir.resolve("percent.yaml"), """
                type: PERCENT
                rules:
                  - id: percent.evil
                    kind: percent
                    pattern: '(?<number>(?:\\d+){1,40})%%'
                    examples:
                      - text: 12%%
                        expect: {text: 12%%, value: {percent: "12"}}
                """, StandardCharsets.UTF_8);
        // The shared numeral pieces the percent extractor reads its numbers with.
        Files.copy(Path.of("rules", "number.yaml"), dir.resolve("number.yaml"));
        Pipeline pipeline = Pipeline.standard(new RulesLoader().load(dir));
        String text = "1".repeat(40) + "%个";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Deadline.Exceeded e = assertThrows(Deadline.Exceeded.class,
                    () -> pipeline.process(TestPipelines.source("evil", text), null, Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("200 ms"), e.getMessage());
        });
    }

    @Test
    void aPathologicalSingleLineEndsWithinItsBudget() {
        String line = "增长15.28%、".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                TestPipelines.standard().process(TestPipelines.source("huge", line), null, Duration.ofSeconds(2));
            } catch (Deadline.Exceeded expected) {
                // Stopping is as good as finishing: what matters is that it cannot hang.
            }
        });
    }
}
