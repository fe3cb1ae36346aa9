package org.tiqu.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tiqu.extract.time.TimeReferenceInferenceTest.timex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/** Dates against durations, and implicit years resolved from the text. */
class DateAndDurationTest {

    @Test
    void aFourDigitNumberBeforeNianIsAYearAndASmallOneASpanOfTime() {
        DocumentResult r = TestPipelines.run("济北开发区于1995年设立，2003年升格为省级开发区。29年始终保持“台商零投诉”记录。", null);
        assertEquals(List.of("DATE 1995年 1995", "DATE 2003年 2003", "DURATION 29年 P29Y"), describe(r));
    }

    @Test
    void cueWordsStayOutsideDurations() {
        DocumentResult r = TestPipelines.run("连续38个月保持正增长，期限10年，24小时内完成，近三年投入5亿元。", null);
        assertEquals(List.of("DURATION 38个月 P38M", "DURATION 10年 P10Y", "DURATION 24小时 PT24H", "DURATION 三年 P3Y"),
                describe(r).stream().filter(s -> s.startsWith("DURATION")).toList());
    }

    @Test
    void vagueYearWordsAreNotDates() {
        DocumentResult r = TestPipelines.run("近年来，经过多年来的发展，目前年内投资完成率较高，年底前交付。", LocalDate.of(2024, 1, 1));
        assertTrue(r.mentions().isEmpty(), () -> r.mentions().toString());
    }

    @Test
    void anImplicitYearComesFromTheYearThatOpensItsParagraph() {
        DocumentResult r = TestPipelines.run("2020年，高新区经济社会不断进步。一季度进出口总额同比增长48.1%。\n"
                + "2024年前三季度，地区生产总值1425.9亿元；1—11月，规上工业总产值保持增长。\n"
                + "7月3日，推介会在法兰克福举行。", LocalDate.of(2025, 1, 8));
        assertEquals("2020-Q1", timex(r, "一季度"));
        assertEquals("2024-Q1/2024-Q3", timex(r, "2024年前三季度"));
        assertEquals("2024-01/2024-11", timex(r, "1—11月"));
        assertEquals("2025-07-03", timex(r, "7月3日"), "a paragraph without a year takes the reference year");
    }

    @Test
    void aTargetYearDoesNotAnchorTheMonthsAfterIt() {
        DocumentResult r = TestPipelines.run("2024年，园区营收增长10%，到2025年将达到20亿元；1-7月，新签约项目12个。",
                LocalDate.of(2026, 1, 1));
        assertEquals("2025", timex(r, "2025年"));
        assertEquals("2024-01/2024-07", timex(r, "1-7月"));
    }

    @Test
    void aYearWithItsSubPeriodIsOneSpan() {
        DocumentResult r = TestPipelines.run("今年6月29日至7月6日，代表团赴德国访问。2024年2月份省政府印发意见。", LocalDate.of(2023, 8, 1));
        assertEquals("2023-06-29/2023-07-06", timex(r, "今年6月29日至7月6日"));
        assertEquals("2024-02", timex(r, "2024年2月份"));
    }

    @Test
    void randomTimeLikeTextNeverBreaksARecord() {
        String alphabet = "0123456789.-—至到年月日号季度上下半前后全今去明本这新的一二两三四五六七八九十百〇零个周天小时分钟又多余第连续期限，。\n ";
        java.util.Random random = new java.util.Random(20240601);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            TestPipelines.run(text.toString(), i % 2 == 0 ? null : LocalDate.of(2024, 6, 1));
        }
    }

    @Test
    void aLargeDocumentIsReadInTime() {
        String paragraph = "2024年前三季度，园区实现营收13.72亿元，连续38个月保持增长；1—11月新签约项目12个，今年6月29日至7月6日举办推介会。\n";
        String text = paragraph.repeat(500);
        long start = System.nanoTime();
        DocumentResult r = TestPipelines.standard().process(TestPipelines.source("large", text), null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500 * 4, describe(r).size());
        // A guard against runaway backtracking, not a benchmark: the machine is shared and may be busy.
        assertTrue(millis < 30_000, "took " + millis + " ms");
        System.out.println("time extractors: " + text.length() + " characters in " + millis + " ms");
    }

    @Test
    void theMinimalNumeralReaderReadsCountsAndYears() {
        assertEquals(new BigDecimal("12"), TimeNumerals.count("十二"));
        assertEquals(new BigDecimal("30"), TimeNumerals.count("三十"));
        assertEquals(new BigDecimal("105"), TimeNumerals.count("一百零五"));
        assertEquals(new BigDecimal("3.5"), TimeNumerals.count("3.5"));
        assertNull(TimeNumerals.count("二零一七"), "digits in a row are a year, not a count");
        assertEquals(2024, TimeNumerals.chineseYear("二〇二四"));
        assertEquals(2004, TimeNumerals.chineseYear("两千零四"));
    }

    private static List<String> describe(DocumentResult r) {
        return r.mentions().stream()
                .filter(m -> m.type() == RecordType.DATE || m.type() == RecordType.DURATION)
                .map(DateAndDurationTest::describe).toList();
    }

    private static String describe(Mention m) {
        String value = m.type() == RecordType.DATE ? m.value().get("timex") : m.value().get("duration");
        return m.type() + " " + m.text() + " " + value;
    }
}
