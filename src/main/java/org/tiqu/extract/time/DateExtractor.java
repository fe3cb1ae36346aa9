package org.tiqu.extract.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatch;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleFile;
import org.tiqu.text.Span;

/**
 * Calendar points and periods. The rules of {@code rules/date.yaml} find the span and name
 * its parts; this class turns the parts into a timex. Finding and valuing happen in two
 * steps, because a date whose year is not written (一季度, 7月3日) takes the year that opens
 * its paragraph, else the document's reference year, else stays {@code XXXX}; the report's lead
 * date takes the reference year only when it is the year of writing ({@link LeadDate}).
 *
 * <p>What the text has just named anchors what it leaves unsaid: a day without its month (8日
 * after 3月8日) takes the month named before it in its paragraph; without a reference date, a day
 * or month word (今天, 本月) counts from the day or month named last in its paragraph or the one
 * before, and is not marked when none is.
 */
public final class DateExtractor implements Extractor {

    static final Set<String> KINDS = Set.of("year", "month", "month-day", "month-range", "day-range",
            "quarter", "quarters", "half", "year-range", "plan", "numeric",
            "relative-day", "relative-month", "decade", "era-year", "day", "short-year", "numeric-dmy", "counted-back",
            "relative-half", "months", "month-end", "festival");
    /**
     * The dates a day or month word may count from: days the text dates its events with, not a
     * holiday, a month's or a year's end, which 今天 or 本月 does not mean, nor another day word
     * (今天…明天…今天 all count from the day named).
     */
    private static final Set<String> ANCHOR_KINDS = Set.of("month", "month-day", "numeric", "numeric-dmy", "day",
            "short-year");
    private static final Pattern DAY_TIMEX = Pattern.compile("(\\d{4}|XXXX)-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH_TIMEX = Pattern.compile("(\\d{4}|XXXX)-(\\d{2})");
    /** The year and unknown month of a day whose month is not written: 2018-XX, XXXX-XX. */
    private static final Pattern MONTHLESS = Pattern.compile("(\\d{4}|XXXX)-XX");
    private static final Pattern MONTHLESS_DAY = Pattern.compile("-XX-(\\d{2})");

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final Lexicon yearWords;
    private final Lexicon planPeriods;
    private final Lexicon halves;
    private final YearCues yearCues;
    private final RuleGroups groups;
    private final ReferencedDates referenced;
    private final Lexicon eras;
    private final Lexicon festivals;
    private final Lexicon festivalsInContext;
    private final Lexicon forecastCues;

    public DateExtractor(RuleBook book) {
        this.rules = book.file("date");
        this.matcher = new RuleMatcher(this.rules.rules());
        this.yearWords = book.lexicon("time.year_words");
        this.planPeriods = book.lexicon("time.plan_periods");
        this.halves = book.lexicon("time.halves");
        this.yearCues = new YearCues(book.lexicon("time.year_cues"));
        this.groups = new RuleGroups(rules.rules());
        this.referenced = new ReferencedDates(groups, yearWords, book.lexicon("time.day_words"),
                book.lexicon("time.month_words"), book.lexicon("time.century_words"),
                book.lexicon("time.counted_back_units"), book.lexicon("time.half_words"));
        this.eras = book.lexicon("time.eras");
        this.festivals = book.lexicon("time.festivals");
        this.festivalsInContext = book.lexicon("time.festivals_in_context");
        this.forecastCues = book.lexicon("time.forecast_cues");
        rules.requireKinds(KINDS);
    }

    @Override
    public String name() {
        return "date";
    }

    @Override
    public List<Candidate> extract(Document document) {
        Integer reference = document.reference().year();
        Map<Integer, Integer> paragraphYear = new HashMap<>();
        Integer lastYear = null;
        List<DateFinding> found = find(document);
        DateFinding lead = LeadDate.of(document, found);
        boolean leadTakesReference = lead != null && LeadDate.yearOfWriting(document.reference(), found);
        Anchor lastDay = null;
        Anchor lastMonth = null;
        List<Candidate> out = new ArrayList<>();
        for (DateFinding f : found) {
            document.deadline().check();
            int paragraph = paragraphOf(document, f.span());
            String timex;
            if (f.anchored() != null) {
                timex = counted(f.anchored(), f.anchored().days() ? lastDay : lastMonth, document, paragraph);
            } else {
                Integer year = switch (f.year().kind()) {
                    case EXPLICIT -> f.year().value();
                    case RELATIVE -> reference == null ? null : reference + f.year().value();
                    case ANAPHOR -> lastYear;
                    case IMPLICIT -> f == lead && !leadTakesReference ? null : paragraphYear.getOrDefault(paragraph, reference);
                    case NONE -> null;
                };
                timex = f.shape().timex(year);
                if (timex != null && f.rule().kind().equals("day") && lastMonth != null && lastMonth.paragraph() == paragraph) {
                    timex = inMonth(timex, lastMonth.timex());
                }
                // A year the text names anchors the dates after it in its paragraph; a target year
                // (到2025年) or a comparison base (比2021年) does not: the months after it are not of that year.
                if (year != null && f.year().kind() != YearRef.Kind.IMPLICIT && yearCues.anchorsParagraph(document, f.span())) {
                    paragraphYear.put(paragraph, year);
                    lastYear = year;
                }
            }
            if (timex == null) {
                continue;
            }
            boolean yearWritten = f.year().kind() == YearRef.Kind.EXPLICIT;
            if (ANCHOR_KINDS.contains(f.rule().kind()) && DAY_TIMEX.matcher(timex).matches()) {
                lastDay = new Anchor(timex, paragraph, yearWritten);
                lastMonth = new Anchor(timex.substring(0, 7), paragraph, yearWritten);
            } else if (ANCHOR_KINDS.contains(f.rule().kind()) && MONTH_TIMEX.matcher(timex).matches()) {
                lastMonth = new Anchor(timex, paragraph, yearWritten);
            }
            out.add(new Candidate(RecordType.DATE, f.span(), Value.of("timex", timex), f.rule().id(), f.rule().priority()));
        }
        return out;
    }

    YearCues yearCues() {
        return yearCues;
    }

    /** Words that make 今年 forecast (预计今年), for the reference inference. */
    Lexicon forecastCues() {
        return forecastCues;
    }

    /**
     * A day ({@code YYYY-MM-DD}, {@code XXXX-MM-DD}) or month the text has named, its paragraph,
     * and whether its year was written (1942年2月19日: history rather than the report's present).
     */
    private record Anchor(String timex, int paragraph, boolean yearWritten) {
    }

    /**
     * A day or month word resolved from the day or month named last, in its paragraph or the one
     * before, written without its year as a report's own days are (4月28日消息…今日; a dated past
     * event, 1942年2月19日…今天的达尔文, is no anchor); null when there is none or the count leaves a
     * month or year that is unknown.
     */
    private static String counted(DateFinding.Anchored word, Anchor anchor, Document document, int paragraph) {
        if (anchor == null || anchor.yearWritten()
                || anchor.paragraph() != paragraph && anchor.paragraph() != previousParagraph(document, paragraph)) {
            return null;
        }
        String yearText = anchor.timex().substring(0, 4);
        Integer year = yearText.equals(Timex.UNKNOWN_YEAR) ? null : Integer.valueOf(yearText) + word.years();
        int month = Integer.parseInt(anchor.timex().substring(5, 7));
        if (word.days()) {
            int day = Integer.parseInt(anchor.timex().substring(8, 10));
            if (year != null) {
                return LocalDate.of(year, month, day).plusDays(word.offset()).toString();
            }
            int counted = day + word.offset();
            return counted >= 1 && counted <= 28 ? Timex.day(null, month, counted) : null;
        }
        int counted = month + word.offset();
        if (year != null) {
            YearMonth ym = YearMonth.of(year, month).plusMonths(word.offset());
            year = ym.getYear();
            counted = ym.getMonthValue();
        } else if (counted < 1 || counted > 12) {
            return null;
        }
        Integer day = word.dayOfMonth();
        if (day == null) {
            return Timex.month(year, counted);
        }
        boolean valid = year != null ? YearMonth.of(year, counted).isValidDay(day) : day <= YearMonth.of(2001, counted).lengthOfMonth();
        return valid ? Timex.day(year, counted, day) : null;
    }

    /** A day without its month (8日, 16日至18日) in the month named before it: XXXX-XX-08 after 3月 is XXXX-03-08. */
    private static String inMonth(String timex, String yearMonth) {
        int month = Integer.parseInt(yearMonth.substring(5, 7));
        int length = yearMonth.startsWith(Timex.UNKNOWN_YEAR) ? YearMonth.of(2000, month).lengthOfMonth()
                : YearMonth.parse(yearMonth).lengthOfMonth();
        Matcher days = MONTHLESS_DAY.matcher(timex);
        while (days.find()) {
            if (Integer.parseInt(days.group(1)) > length) {
                return timex;
            }
        }
        return MONTHLESS.matcher(timex).replaceAll(yearMonth);
    }

    /** The paragraph with text before {@code paragraph}, or -1. */
    private static int previousParagraph(Document document, int paragraph) {
        int previous = -1;
        for (Sentence s : document.sentences()) {
            if (s.paragraph() >= paragraph) {
                break;
            }
            previous = s.paragraph();
        }
        return previous;
    }

    /**
     * Every date the rules find, in text order, with the year still to resolve. Found once per
     * document (the findings do not depend on its reference time) and shared with the
     * reference inference, which reads the same rules.
     */
    List<DateFinding> find(Document document) {
        return document.memo(rules, () -> findAll(document));
    }

    private List<DateFinding> findAll(Document document) {
        List<DateFinding> found = new ArrayList<>();
        LocalDate reference = document.reference().date();
        Integer referenceYear = document.reference().year();
        RuleMatcher.Scan scan = matcher.scan(document);
        for (Rule rule : rules.rules()) {
            scan.forEachMatch(rule, m -> {
                DateFinding f = referenced.handles(rule.kind())
                        ? referenced.finding(rule, m, reference, referenceYear)
                        : finding(rule, m);
                if (f != null) {
                    found.add(f);
                }
            });
        }
        found.sort(Comparator.comparingInt((DateFinding f) -> f.span().begin()).thenComparing(f -> f.rule().id()));
        return List.copyOf(found);
    }

    private DateFinding finding(Rule rule, RuleMatch m) {
        String kind = rule.kind();
        if (kind.equals("year-range")) {
            return yearRange(rule, m);
        }
        if (kind.equals("era-year")) {
            return eraYear(rule, m);
        }
        if (kind.equals("numeric-dmy")) {
            return dayFirst(rule, m);
        }
        if (kind.equals("plan")) {
            String period = planPeriods.get(groups.group(m, "plan"));
            return period == null ? null : new DateFinding(m.span(), rule, YearRef.none(), y -> period);
        }
        YearRef year = yearRef(m);
        if (year == null) {
            return null;
        }
        TimexShape shape = switch (kind) {
            case "year" -> groups.group(m, "yearend") != null ? y -> Timex.day(y, 12, 31)
                    : groups.group(m, "yearstart") != null ? y -> Timex.day(y, 1, 1) : Timex::year;
            case "months" -> monthsToShape(m);
            case "month-end" -> monthEndShape(m);
            case "festival" -> festivalShape(m);
            case "month" -> monthShape(m);
            case "month-day", "numeric" -> dayShape(m);
            case "month-range" -> monthRangeShape(m);
            case "day-range" -> dayRangeShape(m);
            case "quarter" -> quarterShape(m);
            case "quarters" -> quartersShape(m);
            case "day" -> dayOfMonthShape(m);
            case "short-year" -> shortYearShape(m);
            case "half" -> {
                String half = halves.get(groups.group(m, "half"));
                yield y -> Timex.year(y) + "-" + half;
            }
            default -> null;
        };
        return shape == null ? null : new DateFinding(m.span(), rule, year, shape);
    }

    /** The year a match names: written, relative to the reference, anaphoric, or left implicit. */
    private YearRef yearRef(RuleMatch m) {
        String arabic = groups.group(m, "year");
        if (arabic != null) {
            return YearRef.explicit(Integer.parseInt(arabic));
        }
        String twoDigits = groups.group(m, "yy");
        if (twoDigits != null) {
            return YearRef.explicit(shortYear(Integer.parseInt(twoDigits)));
        }
        String chinese = groups.group(m, "cnyear");
        if (chinese != null) {
            Integer y = TimeNumerals.chineseYear(chinese);
            return y == null ? null : YearRef.explicit(y);
        }
        String word = groups.group(m, "rel");
        if (word != null) {
            String offset = yearWords.get(word);
            if (offset == null) {
                return null;
            }
            return "anaphor".equals(offset) ? YearRef.anaphor() : YearRef.relative(Integer.parseInt(offset));
        }
        return YearRef.implicit();
    }

    /** 康熙二十年九月: the era's first year plus the count less one, with the month when written. */
    private DateFinding eraYear(Rule rule, RuleMatch m) {
        String first = eras.get(groups.group(m, "era"));
        String count = groups.group(m, "ey");
        Integer n = "元".equals(count) ? Integer.valueOf(1) : TimeNumerals.integer(count);
        if (first == null || n == null || n < 1) {
            return null;
        }
        int year = Integer.parseInt(first) + n - 1;
        String month = groups.group(m, "m");
        Integer mo = month == null ? null : monthOf(month);
        if (month != null && mo == null) {
            return null;
        }
        String timex = mo == null ? Timex.year(year) : Timex.month(year, mo);
        return new DateFinding(m.span(), rule, YearRef.none(), y -> timex);
    }

    /**
     * 13.5.2015, 05/05/89: day first, taken only where the order is beyond doubt — the first
     * number is no month, or both are the same; a two-digit year above 31 cannot be a day.
     */
    private DateFinding dayFirst(Rule rule, RuleMatch m) {
        int a = Integer.parseInt(groups.group(m, "a"));
        int b = Integer.parseInt(groups.group(m, "b"));
        String y = groups.group(m, "y");
        if (a <= 12 && a != b) {
            return null;
        }
        int year;
        if (y.length() == 4) {
            year = Integer.parseInt(y);
        } else {
            int two = Integer.parseInt(y);
            if (two <= 31) {
                return null;
            }
            year = shortYear(two);
        }
        if (!YearMonth.of(year, b).isValidDay(a)) {
            return null;
        }
        String timex = Timex.day(year, b, a);
        return new DateFinding(m.span(), rule, YearRef.none(), ignored -> timex);
    }

    /** Two-digit years are written as their last two digits: 00–49 are 20xx, 50–99 19xx. */
    private TimexShape shortYearShape(RuleMatch m) {
        String yy = groups.group(m, "yy") != null ? groups.group(m, "yy") : groups.group(m, "yy2");
        Integer two = yy != null ? Integer.valueOf(yy) : groups.group(m, "cnyy").charAt(1) == '〇' ? Integer.valueOf(0) : TimeNumerals.integer(groups.group(m, "cnyy").substring(1));
        int year = shortYear(two);
        String mText = groups.group(m, "m");
        if (mText == null) {
            return y -> Timex.year(year);
        }
        Integer month = monthOf(mText);
        String dText = groups.group(m, "d");
        Integer day = dText == null ? null : dayOf(dText);
        String d2Text = groups.group(m, "d2");
        Integer day2 = d2Text == null ? null : dayOf(d2Text);
        String ybText = groups.group(m, "yb");
        int yearB = ybText == null ? year : shortYear(Integer.parseInt(ybText));
        Integer monthB = ybText == null ? month : monthOf(groups.group(m, "mb"));
        if (month == null || dText != null && day == null || d2Text != null && (day2 == null || monthB == null
                || yearB * 10000 + monthB * 100 + day2 <= year * 10000 + month * 100 + day)) {
            return null;
        }
        if (day == null) {
            return y -> Timex.month(year, month);
        }
        return day2 == null ? y -> Timex.day(year, month, day)
                : y -> Timex.range(Timex.day(year, month, day), Timex.day(yearB, monthB, day2));
    }

    /** 29日, 16日至18日: days whose month the text leaves unsaid, written XX. */
    private TimexShape dayOfMonthShape(RuleMatch m) {
        Integer day = dayOf(groups.group(m, "d"));
        String secondText = groups.group(m, "d2");
        Integer second = secondText == null ? null : dayOf(secondText);
        if (day == null || secondText != null && (second == null || second <= day)) {
            return null;
        }
        return second == null ? y -> Timex.year(y) + "-XX-" + String.format("%02d", day)
                : y -> Timex.range(Timex.year(y) + "-XX-" + String.format("%02d", day),
                        Timex.year(y) + "-XX-" + String.format("%02d", second));
    }

    private static int shortYear(int twoDigits) {
        return twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits;
    }

    private TimexShape monthShape(RuleMatch m) {
        Integer month = monthOf(groups.group(m, "m"));
        return month == null ? null : y -> Timex.month(y, month);
    }

    private TimexShape dayShape(RuleMatch m) {
        Integer month = monthOf(groups.group(m, "m"));
        Integer day = dayOf(groups.group(m, "d"));
        if (month == null || day == null) {
            return null;
        }
        String y2 = groups.group(m, "y2");
        if (y2 == null) {
            return y -> Timex.day(y, month, day);
        }
        Integer month2 = monthOf(groups.group(m, "m2"));
        Integer day2 = dayOf(groups.group(m, "d2"));
        if (month2 == null || day2 == null) {
            return null;
        }
        int end = Integer.parseInt(y2);
        return y -> y == null || end * 10000 + month2 * 100 + day2 <= y * 10000 + month * 100 + day ? null
                : Timex.range(Timex.day(y, month, day), Timex.day(end, month2, day2));
    }

    /** 前10月: January to the month named. */
    private TimexShape monthsToShape(RuleMatch m) {
        Integer to = monthOf(groups.group(m, "mn"));
        return to == null || to < 2 ? null : y -> Timex.range(Timex.month(y, 1), Timex.month(y, to));
    }

    /** 9月末: the month's last day; February's needs the year. */
    private TimexShape monthEndShape(RuleMatch m) {
        Integer month = monthOf(groups.group(m, "m"));
        if (month == null) {
            return null;
        }
        return y -> y == null && month == 2 ? null
                : Timex.day(y, month, YearMonth.of(y == null ? 2001 : y, month).lengthOfMonth());
    }

    /** 五一: the holiday's day of the year, from {@code time.festivals} or {@code time.festivals_in_context} ({@code MM-DD}). */
    private TimexShape festivalShape(RuleMatch m) {
        String name = groups.group(m, "festival");
        String day = name != null ? festivals.get(name) : festivalsInContext.get(groups.group(m, "festivalInContext"));
        return day == null ? null : y -> Timex.year(y) + "-" + day;
    }

    private TimexShape monthRangeShape(RuleMatch m) {
        Integer from = monthOf(groups.group(m, "m1"));
        Integer to = monthOf(groups.group(m, "m2"));
        if (from == null || to == null || to <= from) {
            return null;
        }
        return y -> Timex.range(Timex.month(y, from), Timex.month(y, to));
    }

    private TimexShape dayRangeShape(RuleMatch m) {
        Integer m1 = monthOf(groups.group(m, "m1"));
        Integer d1 = dayOf(groups.group(m, "d1"));
        String m2Text = groups.group(m, "m2");
        Integer m2 = m2Text == null ? m1 : monthOf(m2Text);
        Integer d2 = dayOf(groups.group(m, "d2"));
        if (m1 == null || d1 == null || m2 == null || d2 == null || m2 * 100 + d2 <= m1 * 100 + d1) {
            return null;
        }
        return y -> Timex.range(Timex.day(y, m1, d1), Timex.day(y, m2, d2));
    }

    private TimexShape quarterShape(RuleMatch m) {
        Integer q = TimeNumerals.integer(groups.group(m, "q"));
        return q == null ? null : y -> Timex.year(y) + "-Q" + q;
    }

    private TimexShape quartersShape(RuleMatch m) {
        Integer n = TimeNumerals.integer(groups.group(m, "qn"));
        return n == null ? null : y -> Timex.range(Timex.year(y) + "-Q1", Timex.year(y) + "-Q" + n);
    }

    /**
     * 2023-2027, 2023—2027年: the end after the start, at most a century apart; written
     * without 年, both ends must look like modern years (1900–2100).
     */
    private DateFinding yearRange(Rule rule, RuleMatch m) {
        Integer from = TimeNumerals.chineseYearOrArabic(groups.group(m, "y1"));
        Integer to = TimeNumerals.chineseYearOrArabic(groups.group(m, "y2"));
        if (from == null || to == null || to <= from || to - from > 100) {
            return null;
        }
        if (groups.group(m, "nian") == null && (from < 1900 || to > 2100)) {
            return null;
        }
        String timex = Timex.range(Timex.year(from), Timex.year(to));
        return new DateFinding(m.span(), rule, YearRef.none(), y -> timex);
    }

    private static Integer monthOf(String s) {
        Integer n = TimeNumerals.integer(s);
        return n == null || n < 1 || n > 12 ? null : n;
    }

    private static Integer dayOf(String s) {
        Integer n = TimeNumerals.integer(s);
        return n == null || n < 1 || n > 31 ? null : n;
    }

    private static int paragraphOf(Document document, Span span) {
        Sentence s = document.sentenceAt(span.begin());
        return s == null ? -1 : s.paragraph();
    }
}
