package org.tiqu.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.tiqu.document.ReferenceTime;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/** The reference time: given, inferred from the document with its evidence, or unknown (XXXX). */
class TimeReferenceInferenceTest {

    @Test
    void aGivenReferenceDateIsUsedAsIs() {
        DocumentResult r = TestPipelines.run("2019年实现营收10亿元。今年以来，新签约项目12个。", LocalDate.of(2021, 5, 4));
        ReferenceTime reference = r.document().reference();
        assertEquals("option", reference.how());
        assertEquals(LocalDate.of(2021, 5, 4), reference.date());
        assertEquals("2021", timex(r, "今年"));
    }

    @Test
    void theLatestReportedYearIsInferredAndTargetsDoNotCount() {
        DocumentResult r = TestPipelines.run("2023年，园区实现营收10亿元。到2035年，营收将达到100亿元。"
                + "\n今年以来，新签约项目12个。去年同期为8个。", null);
        ReferenceTime reference = r.document().reference();
        assertEquals(2023, reference.year());
        assertNull(reference.date());
        assertTrue(reference.how().startsWith("inferred: latest reported year"), reference.how());
        assertEquals("2023", timex(r, "今年"));
        assertEquals("2022", timex(r, "去年"));
        assertEquals("2035", timex(r, "2035年"));
    }

    @Test
    void rangesAndPlanPeriodsAreNotReportedYears() {
        DocumentResult r = TestPipelines.run("2023中德(欧)中小企业交流合作大会举行，发布合作规划(2023-2027)，"
                + "谋划“十五五”发展。今年以来，签约项目71个。", null);
        assertEquals(2023, r.document().reference().year());
        assertEquals("2023", timex(r, "今年"));
    }

    @Test
    void aDatelineGivesTheDate() {
        DocumentResult r = TestPipelines.run("高新区上半年经济运行稳中有进\n发布时间：2023-07-10\n"
                + "今年以来，高新区坚持项目为王。1-6月，规上工业增加值增长8%。", null);
        ReferenceTime reference = r.document().reference();
        assertEquals(LocalDate.of(2023, 7, 10), reference.date());
        assertEquals("inferred: dateline 2023-07-10", reference.how());
        assertEquals("2023-H1", timex(r, "上半年"));
        assertEquals("2023-01/2023-06", timex(r, "1-6月"));
    }

    @Test
    void withoutAnyYearTheReferenceIsUnknownAndRelativeDatesKeepXxxx() {
        DocumentResult r = TestPipelines.run("今年以来，高新区新引进项目43个。7月3日，推介会在法兰克福举行。一季度进出口增长。", null);
        ReferenceTime reference = r.document().reference();
        assertEquals("unknown", reference.how());
        assertNull(reference.year());
        assertEquals("XXXX", timex(r, "今年"));
        assertEquals("XXXX-07-03", timex(r, "7月3日"));
        assertEquals("XXXX-Q1", timex(r, "一季度"));
    }

    @Test
    void aChineseDatelineOnTheLastLineCountsToo() {
        DocumentResult r = TestPipelines.run("园区召开经济运行分析会。\n今年以来，园区新签约项目12个，2019年以来累计引进企业300家。\n"
                + "济南高新区管委会\n2021年3月15日", null);
        assertEquals(LocalDate.of(2021, 3, 15), r.document().reference().date());
        assertEquals("inferred: dateline 2021-03-15", r.document().reference().how());
        assertEquals("2021", timex(r, "今年"));
    }

    @Test
    void scatteredSingleYearsGiveNoReference() {
        DocumentResult r = TestPipelines.run("德雷克在1588年指挥英国海军大破西班牙无敌舰队，1540年出生于德文郡。今年是纪念之年。", null);
        assertEquals("unknown", r.document().reference().how());
        assertEquals("XXXX", timex(r, "今年"));
    }

    @Test
    void aSingleRecentYearIsTheReference() {
        DocumentResult r = TestPipelines.run("2019年，园区实现营收10亿元。今年以来，新签约项目12个。", null);
        assertEquals(2019, r.document().reference().year());
        assertEquals("2019", timex(r, "今年"));
    }

    @Test
    void thisYearFollowsASeriesOfReportedYears() {
        DocumentResult r = TestPipelines.run("今年上半年，全市财政收入保持较快增长。\n全市财政总收入一年一个新台阶，2004年为113.63亿元，"
                + "2005年为135.14亿元，2006年为165.11亿元，2007年为209.44亿元，预计今年仍将保持增长态势。\n上年同期为1亿元。", null);
        assertEquals(2008, r.document().reference().year());
        assertTrue(r.document().reference().how().startsWith("inferred: year after the reported series 2004–2007"),
                r.document().reference().how());
        assertEquals("2008-H1", timex(r, "今年上半年"));
        assertEquals("2007", timex(r, "上年"));
    }

    @Test
    void aForecastThisYearFollowsTheYearReportedBeforeIt() {
        DocumentResult r = TestPipelines.run("2023年园区实现营收100亿元，预计今年将达到120亿元。", null);
        assertEquals(2024, r.document().reference().year());
        assertEquals("2024", timex(r, "今年"));
        DocumentResult half = TestPipelines.run("2024年上半年园区实现营收50亿元，预计今年将达到120亿元。", null);
        assertEquals(2024, half.document().reference().year(), "a half reported: the year is still under way");
    }

    static String timex(DocumentResult r, String text) {
        return r.mentions().stream()
                .filter(m -> m.type() == RecordType.DATE && m.text().equals(text))
                .map(Mention::value).map(v -> v.get("timex"))
                .findFirst().orElseThrow(() -> new AssertionError("no DATE '" + text + "' in " + r.mentions()));
    }
}
