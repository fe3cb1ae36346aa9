package org.tiqu.extract.number;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.testing.RecordInvariants;
import org.tiqu.testing.TestPipelines;

/**
 * Random texts made of the characters numbers are written with (digits in both widths,
 * Chinese numerals, magnitudes, units, qualifiers, quotes, punctuation) and one large
 * document: no exception, every record grounded, time proportional to the text.
 */
class NumericInputsRobustnessTest {

    private static final String[] PIECES = {
            "0", "1", "2", "5", "9", "０", "３", ".", "．", ",", "，", "%", "％", "-", "－", "负",
            "零", "〇", "一", "二", "两", "三", "五", "九", "十", "百", "千", "万", "亿", "点", "余", "多",
            "元", "美元", "人民币", "家", "个", "个百分点", "倍", "分之", "百分之", "平方公里", "米", "吨", "度电",
            "超", "近", "约", "左右", "以上", "第", "前", "“", "”", "、", "和", "至", "。", "\n", " ", "投资", "年",
            "月", "A", "G", "https://", "𠀀"};

    @Test
    void randomNumericTextsKeepTheInvariants() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int doc = 0; doc < 300; doc++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(120); i > 0; i--) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                TestPipelines.run(text.toString()); // checks every record's invariants
            }
        });
    }

    @Test
    void aLargeDocumentRunsInLinearTime() {
        String paragraph = "一般公共预算收入完成13.72亿元、同比增长15.28%，集聚160余家知名企业，"
                + "规划面积15.9平方公里，分别赶超时间进度17.7个、14.1个百分点，“三次创业”，近千家企业。\n";
        String text = paragraph.repeat(2000); // about 180,000 characters
        TestPipelines.standard();
        long started = System.nanoTime();
        DocumentResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> TestPipelines.standard().process(TestPipelines.source("large", text), null));
        System.out.printf("large document: %d characters, %d records in %d ms%n", text.length(),
                result.records().size(), (System.nanoTime() - started) / 1_000_000);
        assertEquals(2000 * 7, result.mentions().size()); // mentions only: metrics come on top
        // RecordInvariants compares every pair of mentions, so it checks a slice of the same size as the corpus articles.
        RecordInvariants.check(TestPipelines.run(paragraph.repeat(50)));
    }
}
