package org.tiqu.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Metric;
import org.tiqu.testing.TestPipelines;

/** Long and random inputs: no exception, no quadratic blow-up, every metric grounded. */
class MetricLinkerRobustnessTest {

    @Test
    void aLongRunOnLineOfFiguresLinksInLinearTime() {
        String clause = "工业产值占比为5%、同比增长1.5%，";
        String text = clause.repeat(20_000);
        // the pipeline directly: RecordInvariants compares every pair of records, itself quadratic
        DocumentResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> TestPipelines.standard().process(TestPipelines.source("long", text), null));
        assertEquals(20_000, result.metrics().size());
        for (Metric m : result.metrics()) {
            assertEquals(result.document().slice(m.span()), m.text());
        }
    }

    @Test
    void randomTextOfCueWordsAndFiguresNeverBreaksTheLinker() {
        String[] pieces = {"增长", "同比", "分别", "占全市", "、", "，", "。", "\n", "到2025年", "力争", "计划", "的",
                "完成", "为", "等", "和", "5%", "12.5%", "项目", "产值", "“", "”", "（", "）", "𠀀", " ", "达到"};
        Random random = new Random(7);
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            TestPipelines.run(text.toString()); // checks every record's invariants
        }
    }
}
