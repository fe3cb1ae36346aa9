package org.tiqu.extract.time;

import org.tiqu.rules.Rule;
import org.tiqu.text.Span;

/** A date a rule found, before its year is resolved against the document. */
record DateFinding(Span span, Rule rule, YearRef year, TimexShape shape) {
}
