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
    void aComparisonBaseDoesNotAnchorTheDatesAfterIt() {
        DocumentResult r = TestPipelines.run("2022年全年工业增加值增长6.3%，增速比2021年减低2.2个百分点。全年工业产品销售率为92.2%。",
                LocalDate.of(2023, 3, 1));
        assertEquals("2022", timex(r, "2022年全年"));
        assertEquals("2022", timex(r, "全年"), "比2021年 is what the figure is set against, not its year");
    }

    @Test
    void theYearsWholeIsADateWhereItPlacesAFigureOrATarget() {
        DocumentResult r = TestPipelines.run("全年粮食总产量20.2万吨。\n已超去年297.6万标箱的全年总箱数。\n提前完成全年考核目标任务。",
                LocalDate.of(2023, 3, 1));
        assertEquals(List.of("DATE 全年 2023", "DATE 去年 2022", "DATE 全年 2022", "DATE 全年 2023"), describe(r));
        DocumentResult vague = TestPipelines.run("民生保障依然是全年工作的重点。景区全年开放365天。报名时间：全年接受报名。",
                LocalDate.of(2023, 3, 1));
        assertEquals(List.of("DURATION 365天 P365D"), describe(vague));
    }

    @Test
    void theFirstMonthsOfAYearAndTheEndsOfMonthsAndYears() {
        DocumentResult r = TestPipelines.run("前10月销量增长。在支出方面，前6个月全市财政支出50.96亿元。截止9月末，生猪出栏下降4.6%。"
                + "碳酸锂价格从年初的约10万元/吨跌至年底的7.5万元/吨。2008年年底、2009年初相比，2019财年预计增长。", LocalDate.of(2024, 11, 1));
        assertEquals("2024-01/2024-10", timex(r, "前10月"));
        assertEquals("2024-01/2024-06", timex(r, "前6个月"));
        assertEquals("2024-09-30", timex(r, "9月末"));
        assertEquals("2024-01-01", timex(r, "年初"));
        assertEquals("2024-12-31", timex(r, "年底"));
        assertEquals("2008-12-31", timex(r, "2008年年底"));
        assertEquals("2009-01-01", timex(r, "2009年初"));
        assertEquals("2019", timex(r, "2019财年"));
        assertTrue(describe(r).stream().noneMatch(s -> s.startsWith("DURATION")), () -> describe(r).toString());
        DocumentResult notDates = TestPipelines.run("考试前两个月才开始复习。年底前完成审查。政策可能年底终止 房价将震荡2009年。2022年初步核算。",
                LocalDate.of(2024, 11, 1));
        assertEquals(List.of("DURATION 两个月 P2M", "DATE 2009年 2009", "DATE 2022年 2022"), describe(notDates));
    }

    @Test
    void aHolidayIsItsDayOfTheYear() {
        DocumentResult r = TestPipelines.run("旺苍县2021年“五一”小长假旅游情况综述\n国庆节期间游客增长，五一路口拥堵。", null);
        assertEquals(List.of("DATE 2021年 2021", "DATE 五一 2021-05-01", "DATE 国庆节 2021-10-01"), describe(r));
    }

    @Test
    void theLeadDateKeepsItsYearOpenWhenTheTextReportsThatYearOnlyWhole() {
        DocumentResult annual = TestPipelines.run("IT之家4月28日消息 今日晚间，格力电器公布了2018年年度报告。"
                + "年报显示，格力电器2018年实现营业总收入2000.24亿元。2018年研发投入72.68亿元。", null);
        assertEquals("XXXX-04-28", timex(annual, "4月28日"), "an annual report is published after its year");
        assertEquals("XXXX-04-28", timex(annual, "今日"), "today is the day the lead names");
        assertEquals("2018", timex(annual, "2018年年度"));
        assertTrue(annual.document().reference().how().contains("the lead date 4月28日 keeps its year open"),
                annual.document().reference().how());
        DocumentResult current = TestPipelines.run("4月27日上午，南昌县举行2023年第二季度重大重点项目集中开工仪式。"
                + "2023年一季度，全县一般公共预算收入完成27.39亿元。", null);
        assertEquals("2023-04-27", timex(current, "4月27日"), "a quarter under way: the year of writing");
    }

    @Test
    void whatTheTextHasJustNamedAnchorsWhatItLeavesUnsaid() {
        DocumentResult dated = TestPipelines.run("新华网北京3月8日电 中国银行与湖北省政府8日在北京签署协议。", null);
        assertEquals("XXXX-03-08", timex(dated, "8日"), "the day takes the month of the lead");
        DocumentResult month = TestPipelines.run("5月份，全国港口生产平稳。\n货物吞吐量继续增长，本月增长趋势平稳。", null);
        assertEquals("XXXX-05", timex(month, "本月"));
        DocumentResult unanchored = TestPipelines.run("今年上半年，全市财政收入较快增长。昨天，市财政局有关负责人告诉记者。", null);
        assertTrue(unanchored.mentions().stream().noneMatch(m -> m.text().equals("昨天")), "no day to count from");
        DocumentResult chained = TestPipelines.run("新华网6月10日电 国家主席今天致电祝贺，明天将出访，今天下午会见来宾。", null);
        assertEquals(List.of("DATE 6月10日 XXXX-06-10", "DATE 今天 XXXX-06-10", "DATE 明天 XXXX-06-11", "DATE 今天 XXXX-06-10"),
                describe(chained), "every day word counts from the day named, none from another day word");
        DocumentResult history = TestPipelines.run("1942年2月19日，日军轰炸达尔文。\n今天的达尔文已经看不到当年的痕迹。", null);
        assertTrue(history.mentions().stream().noneMatch(m -> m.text().equals("今天")), "a dated past event is no anchor");
        DocumentResult given = TestPipelines.run("昨天，市财政局有关负责人告诉记者。", LocalDate.of(2008, 7, 21));
        assertEquals("2008-07-20", timex(given, "昨天"));
    }

    @Test
    void spuriousLengthsOfTimeAreNotMarked() {
        DocumentResult r = TestPipelines.run("2008年，是极不平凡的一年。全市财政总收入一年一个新台阶。五年前，这里还是农田。"
                + "“新中国成立70周年甘肃省发展成就巡礼”系列发布会举行。", null);
        assertEquals(List.of("DATE 2008年 2008"), describe(r));
        DocumentResult lengths = TestPipelines.run("正式封关运作四周年之际，湖北省高新区半年成绩表出炉，现在一年进出口总额达4000万美元。", null);
        assertEquals(List.of("DURATION 四周年 P4Y", "DURATION 半年 P6M", "DURATION 一年 P1Y"), describe(lengths));
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
