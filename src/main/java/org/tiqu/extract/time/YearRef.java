package org.tiqu.extract.time;

/**
 * Where a found date takes its year from.
 *
 * @param kind  {@code EXPLICIT} written (value: the year); {@code RELATIVE} to the reference year
 *              (value: the offset, 去年 = -1); {@code ANAPHOR} the year just spoken of (这一年);
 *              {@code IMPLICIT} not written (7月3日); {@code NONE} self-contained (2023-2027, 十四五)
 */
record YearRef(Kind kind, Integer value) {

    enum Kind { EXPLICIT, RELATIVE, ANAPHOR, IMPLICIT, NONE }

    static YearRef explicit(int year) {
        return new YearRef(Kind.EXPLICIT, year);
    }

    static YearRef relative(int offset) {
        return new YearRef(Kind.RELATIVE, offset);
    }

    static YearRef anaphor() {
        return new YearRef(Kind.ANAPHOR, null);
    }

    static YearRef implicit() {
        return new YearRef(Kind.IMPLICIT, null);
    }

    static YearRef none() {
        return new YearRef(Kind.NONE, null);
    }
}
