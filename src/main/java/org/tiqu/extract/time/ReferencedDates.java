package org.tiqu.extract.time;

import java.time.LocalDate;
import java.time.YearMonth;

import org.tiqu.extract.RuleMatch;
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.Rule;

/**
 * Dates counted from the reference date rather than from a year: days (明天, 前天), months
 * (下个月, 去年本月十日), days counted back (5天前) and centuries (上世纪90年代). A day or month needs the reference
 * <em>date</em>. Without one, a day or month word is counted from the day or month the text has
 * just named ({@link DateFinding.Anchored}, resolved by {@link DateExtractor}: 5月份…本月 is May,
 * 1月15日…今天 that day); with nothing named it is not a calendar point and is not marked (the dev
 * gold leaves an unanchored 昨天 unmarked), nor is a day counted back (5天前) or a half (上个半年).
 */
final class ReferencedDates {

    private final RuleGroups groups;
    private final Lexicon yearWords;
    private final Lexicon dayWords;
    private final Lexicon monthWords;
    private final Lexicon centuryWords;
    private final Lexicon countedBackUnits;
    private final Lexicon halfWords;

    ReferencedDates(RuleGroups groups, Lexicon yearWords, Lexicon dayWords, Lexicon monthWords, Lexicon centuryWords,
                    Lexicon countedBackUnits, Lexicon halfWords) {
        this.groups = groups;
        this.yearWords = yearWords;
        this.dayWords = dayWords;
        this.monthWords = monthWords;
        this.centuryWords = centuryWords;
        this.countedBackUnits = countedBackUnits;
        this.halfWords = halfWords;
    }

    boolean handles(String kind) {
        return kind.equals("relative-day") || kind.equals("relative-month") || kind.equals("decade") || kind.equals("counted-back")
                || kind.equals("relative-half");
    }

    /** The finding of a match of one of the kinds this class {@link #handles}, or null. */
    DateFinding finding(Rule rule, RuleMatch m, LocalDate reference, Integer referenceYear) {
        String timex = switch (rule.kind()) {
            case "relative-day" -> relativeDay(m, reference);
            case "relative-month" -> relativeMonth(m, reference);
            case "decade" -> decade(m, referenceYear);
            case "counted-back" -> countedBack(m, reference);
            case "relative-half" -> relativeHalf(m, reference);
            default -> null;
        };
        if (timex == null) {
            DateFinding.Anchored anchored = reference == null ? anchored(rule.kind(), m) : null;
            return anchored == null ? null : new DateFinding(m.span(), rule, YearRef.none(), y -> null, anchored);
        }
        return new DateFinding(m.span(), rule, YearRef.none(), y -> timex);
    }

    /** How a day or month word counts from the date the text names, or null when it is no such word. */
    private DateFinding.Anchored anchored(String kind, RuleMatch m) {
        if (kind.equals("relative-day")) {
            String offset = dayWords.get(groups.group(m, "dayword"));
            return offset == null ? null : new DateFinding.Anchored(true, Integer.parseInt(offset), 0, null);
        }
        if (kind.equals("relative-month")) {
            String offset = monthWords.get(groups.group(m, "mrel"));
            String yearWord = groups.group(m, "rel");
            String yearOffset = yearWord == null ? "0" : yearWords.get(yearWord);
            String dayText = groups.group(m, "d");
            Integer day = dayText == null ? null : TimeNumerals.integer(dayText);
            if (offset == null || yearOffset == null || "anaphor".equals(yearOffset)
                    || dayText != null && (day == null || day < 1 || day > 31)) {
                return null;
            }
            return new DateFinding.Anchored(false, Integer.parseInt(offset), Integer.parseInt(yearOffset), day);
        }
        return null;
    }

    private String relativeDay(RuleMatch m, LocalDate reference) {
        String offset = dayWords.get(groups.group(m, "dayword"));
        if (offset == null || reference == null) {
            return null;
        }
        return reference.plusDays(Integer.parseInt(offset)).toString();
    }

    private String relativeMonth(RuleMatch m, LocalDate reference) {
        String offset = monthWords.get(groups.group(m, "mrel"));
        String yearWord = groups.group(m, "rel");
        String yearOffset = yearWord == null ? "0" : yearWords.get(yearWord);
        if (offset == null || yearOffset == null || "anaphor".equals(yearOffset)) {
            return null;
        }
        String dayText = groups.group(m, "d");
        Integer day = dayText == null ? null : TimeNumerals.integer(dayText);
        if (reference == null || dayText != null && (day == null || day < 1 || day > 31)) {
            return null;
        }
        YearMonth ym = YearMonth.from(reference).plusYears(Integer.parseInt(yearOffset)).plusMonths(Integer.parseInt(offset));
        if (day != null && !ym.isValidDay(day)) {
            return null;
        }
        String month = ym.toString();
        return day == null ? month : month + String.format("-%02d", day);
    }

    /** 上个半年 (said in September 2019) → 2019-H1: halves counted from the reference date's. */
    private String relativeHalf(RuleMatch m, LocalDate reference) {
        String offset = halfWords.get(groups.group(m, "hrel"));
        if (offset == null || reference == null) {
            return null;
        }
        int half = reference.getYear() * 2 + (reference.getMonthValue() <= 6 ? 0 : 1) + Integer.parseInt(offset);
        return String.format("%04d-H%d", half / 2, half % 2 + 1);
    }

    /** 5天前, 5年前: the reference date less a whole count of days, months or years. */
    private String countedBack(RuleMatch m, LocalDate reference) {
        String unit = countedBackUnits.get(groups.group(m, "unit"));
        Integer n = TimeNumerals.integer(groups.group(m, "n"));
        if (unit == null || n == null || n < 1 || reference == null) {
            return null;
        }
        return switch (unit) {
            case "D" -> reference.minusDays(n).toString();
            case "M" -> reference.minusMonths(n).toString();
            case "Y" -> reference.minusYears(n).toString();
            default -> null;
        };
    }

    /** 90年代 → 1990/1999: the first and the last year of the decade, inclusive as our ranges are. */
    private String decade(RuleMatch m, Integer referenceYear) {
        Integer decade = TimeNumerals.integer(groups.group(m, "decade"));
        if (decade == null || decade % 10 != 0 || decade > 90) {
            return null;
        }
        String centuryText = groups.group(m, "century");
        String centuryWord = groups.group(m, "crel");
        Integer hundreds = null;
        if (centuryText != null) {
            Integer century = TimeNumerals.integer(centuryText);
            if (century == null || century < 1 || century > 21) {
                return null;
            }
            hundreds = century - 1;
        } else if (centuryWord != null && referenceYear != null) {
            hundreds = referenceYear / 100 + Integer.parseInt(centuryWords.get(centuryWord));
        }
        String prefix = hundreds == null ? "XX" : String.format("%02d", hundreds);
        return prefix + String.format("%02d", decade) + "/" + prefix + String.format("%02d", decade + 9);
    }
}
