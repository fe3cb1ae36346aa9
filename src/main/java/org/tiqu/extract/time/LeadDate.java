package org.tiqu.extract.time;

import java.util.List;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.document.ReferenceTime;
import org.tiqu.document.Sentence;

/**
 * The date a report's lead gives without its year (新华网北京3月8日电, IT之家4月28日消息,
 * 4月27日上午…举行): the day it was written or the day of the event it reports. The reference
 * year is the year the report <em>speaks of</em> (ANNOTATION.md, DATE); the lead takes it only
 * when the text shows that this is also the year of writing. A report on a year seen whole (an
 * annual report, a year's results, a year's targets) is written in another year, often the next,
 * and the text does not say which: the lead then keeps {@code XXXX}.
 *
 * <p>The text shows it when the reference came with a date (the option, a dateline), when it
 * says 今年 or 本年 (those words name the year of writing, and resolve to the reference), or
 * when it reports a part of the reference year (2023年第二季度, 2019年4月): a year still under
 * way.
 */
final class LeadDate {

    /** Days without their year that can open a report. */
    private static final Set<String> LEAD_KINDS = Set.of("month-day", "day", "day-range");
    /** Dates that name a part of a year, not the whole of it. */
    private static final Set<String> PART_OF_YEAR_KINDS = Set.of("month", "month-day", "month-range", "day-range",
            "quarter", "quarters", "half", "numeric", "months", "month-end", "festival");
    /** The lead stands in the first paragraphs that hold text: a title, then the first one. */
    private static final int LEAD_PARAGRAPHS = 2;

    private LeadDate() {
    }

    /**
     * The lead date: the first date without a year in the first {@value #LEAD_PARAGRAPHS}
     * paragraphs, if no year is written before it there; else null.
     */
    static DateFinding of(Document document, List<DateFinding> found) {
        List<Sentence> sentences = document.sentences();
        int paragraphs = 0;
        int lastParagraph = -1;
        int leadEnd = 0;
        for (Sentence s : sentences) {
            if (s.paragraph() != lastParagraph) {
                if (++paragraphs > LEAD_PARAGRAPHS) {
                    break;
                }
                lastParagraph = s.paragraph();
            }
            leadEnd = s.span().end();
        }
        for (DateFinding f : found) {
            if (f.span().begin() >= leadEnd) {
                return null;
            }
            if (f.anchored() != null || f.year().kind() == YearRef.Kind.NONE) {
                continue;
            }
            if (f.year().kind() != YearRef.Kind.IMPLICIT) {
                return null; // a year is written first: the lead, if any, is dated by it
            }
            if (LEAD_KINDS.contains(f.rule().kind())) {
                return f;
            }
        }
        return null;
    }

    /** Whether the text shows that {@code reference}'s year is the year of writing (see the class comment). */
    static boolean yearOfWriting(ReferenceTime reference, List<DateFinding> found) {
        if (reference.date() != null) {
            return true;
        }
        Integer year = reference.year();
        if (year == null) {
            return false;
        }
        for (DateFinding f : found) {
            YearRef y = f.year();
            if (y.kind() == YearRef.Kind.RELATIVE && y.value() == 0) {
                return true;
            }
            if (y.kind() == YearRef.Kind.EXPLICIT && y.value().equals(year) && PART_OF_YEAR_KINDS.contains(f.rule().kind())) {
                return true;
            }
        }
        return false;
    }
}
