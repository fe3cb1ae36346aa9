package org.tiqu.extract.time;

/** How a found date writes its timex once its year is known (null year: {@code XXXX}). */
@FunctionalInterface
interface TimexShape {

    /** The timex for {@code year}, or null when the date cannot be written with it. */
    String timex(Integer year);
}
