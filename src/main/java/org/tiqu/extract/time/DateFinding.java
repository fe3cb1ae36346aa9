package org.tiqu.extract.time;

import org.tiqu.rules.Rule;
import org.tiqu.text.Span;

/**
 * A date a rule found, before its year is resolved against the document.
 *
 * @param anchored null, or how a date counted from the reference date (今天, 本月) resolves
 *                 against the day or month the text has just named when no reference date is given
 */
record DateFinding(Span span, Rule rule, YearRef year, TimexShape shape, Anchored anchored) {

    DateFinding(Span span, Rule rule, YearRef year, TimexShape shape) {
        this(span, rule, year, shape, null);
    }

    /**
     * A day or month counted from another: {@code offset} days (昨天 = -1) or months (上个月 = -1)
     * from the anchor, {@code years} years for a month (去年本月), then {@code dayOfMonth} when
     * written (本月十日).
     */
    record Anchored(boolean days, int offset, int years, Integer dayOfMonth) {
    }
}
