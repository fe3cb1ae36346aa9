package org.tiqu.extract.org;

import org.tiqu.text.Span;

/**
 * A short form the document defines, as in 山东…产业合作区（以下简称合作区）: {@code shortSpan} is
 * the short form inside the clause (without quotes), {@code fullName} the name it stands for.
 * Uses of the short form from the clause on are that organisation.
 */
record Abbreviation(String shortForm, Span shortSpan, String fullName) {
}
