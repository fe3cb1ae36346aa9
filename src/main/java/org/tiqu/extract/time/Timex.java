package org.tiqu.extract.time;

/**
 * Writes DATE timex values (ANNOTATION.md "DATE timex"): ISO 8601 points and
 * {@code start/end} periods, with {@code XXXX} for a year the text leaves unknown.
 */
final class Timex {

    static final String UNKNOWN_YEAR = "XXXX";

    private Timex() {
    }

    static String year(Integer year) {
        return year == null ? UNKNOWN_YEAR : String.format("%04d", year);
    }

    static String month(Integer year, int month) {
        return year(year) + "-" + two(month);
    }

    static String day(Integer year, int month, int day) {
        return month(year, month) + "-" + two(day);
    }

    static String range(String start, String end) {
        return start + "/" + end;
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
