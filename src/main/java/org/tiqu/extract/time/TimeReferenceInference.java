package org.tiqu.extract.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tiqu.document.Document;
import org.tiqu.document.ReferenceInference;
import org.tiqu.document.ReferenceTime;
import org.tiqu.document.Sentence;
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.RuleBook;
import org.tiqu.text.Span;

/**
 * Finds the year a report speaks from in its own dates, in this order of evidence:
 * <ol>
 *   <li>a dateline: a full date standing on a short line of its own among the first or last
 *       lines (发布时间：2023-07-10);</li>
 *   <li>what the text says is this year's: 今年 after whole years reported with their figures in
 *       the same sentence, when those years form a series (2004年为…，…2007年为…，预计今年…) or
 *       今年 is forecast (预计今年): a year reported whole is over, so 今年 is the one after the
 *       last of them;</li>
 *   <li>the latest reported year: the latest year the text states as a fact, more than once
 *       (or once, among years close together). Reports look back on the past year and set out
 *       the current one, so the latest year that is not a target (到2035年), a plan period or
 *       a range is the year of writing.</li>
 * </ol>
 * Without any the reference stays unknown and relative dates keep {@code XXXX}. The evidence
 * goes to the manifest ({@code how}), with, when the report's lead date keeps its year open
 * ({@link LeadDate}), why.
 */
public final class TimeReferenceInference implements ReferenceInference {

    private static final int DATELINE_MAX_LENGTH = 40;
    private static final int DATELINE_EDGE_PARAGRAPHS = 3;
    /** How far apart years each stated once may lie for the latest of them to count as the report's. */
    private static final int SINGLE_MENTION_SPREAD = 5;
    private static final Set<String> DATED_KINDS = Set.of("year", "month", "month-day", "month-range",
            "day-range", "quarter", "quarters", "half", "numeric", "months", "month-end");
    /** How far back before 今年 a forecast word is looked for, in code points. */
    private static final int FORECAST_LOOK_BACK = 4;
    private static final String CLAUSE_BREAKS = "，。；！？,;!?\n";

    private final DateExtractor dates;
    private final Lexicon forecastCues;

    public TimeReferenceInference(RuleBook book) {
        this(new DateExtractor(book));
    }

    /** Reads the dates {@code dates} finds: given the pipeline's own extractor, both share what it learns and finds. */
    public TimeReferenceInference(DateExtractor dates) {
        this.dates = dates;
        this.forecastCues = dates.forecastCues();
    }

    @Override
    public ReferenceTime infer(Document document) {
        List<DateFinding> found = dates.find(document);
        ReferenceTime dateline = dateline(document, found);
        if (dateline != null) {
            return dateline;
        }
        ReferenceTime reference = yearAfterReportedYears(document, found);
        if (reference == null) {
            reference = latestReportedYear(document, found);
        }
        DateFinding lead = LeadDate.of(document, found);
        if (reference.known() && lead != null && !LeadDate.yearOfWriting(reference, found)) {
            return new ReferenceTime(null, reference.year(), reference.how() + "; the lead date "
                    + document.text().slice(lead.span()) + " keeps its year open: the text names " + reference.year()
                    + " only whole, never 今年 or a part of it");
        }
        return reference;
    }

    /**
     * 今年 after whole years the same sentence reports with a figure, when they form a series or
     * 今年 is forecast: the year after the last of them. Null when no sentence says so.
     */
    private ReferenceTime yearAfterReportedYears(Document document, List<DateFinding> found) {
        for (DateFinding thisYear : found) {
            if (thisYear.year().kind() != YearRef.Kind.RELATIVE || thisYear.year().value() != 0) {
                continue;
            }
            Sentence sentence = document.sentenceAt(thisYear.span().begin());
            if (sentence == null) {
                continue;
            }
            TreeSet<Integer> reported = new TreeSet<>();
            for (DateFinding f : found) {
                if (f.span().begin() >= sentence.span().begin() && f.span().end() <= thisYear.span().begin()
                        && f.year().kind() == YearRef.Kind.EXPLICIT && f.rule().kind().equals("year")
                        && !partOfLongerDate(f, found) && !dates.yearCues().isTarget(document, f.span())
                        && figureFollows(document, f.span())) {
                    reported.add(f.year().value());
                }
            }
            if (reported.isEmpty()) {
                continue;
            }
            int last = reported.last();
            String word = document.text().slice(thisYear.span());
            if (reported.contains(last - 1)) {
                return ReferenceTime.inferred(last + 1, "year after the reported series " + reported.first() + "–" + last
                        + " (" + word + " follows it in one sentence)");
            }
            String forecast = forecastBefore(document, thisYear.span().begin());
            if (forecast != null) {
                return ReferenceTime.inferred(last + 1, "year after " + last + " (" + forecast + word + " follows "
                        + last + "'s figure in one sentence)");
            }
        }
        return null;
    }

    /** Whether {@code year} is the year of a longer date (2024年 of 2024年上半年): a part of the year, not its whole. */
    private static boolean partOfLongerDate(DateFinding year, List<DateFinding> found) {
        Span span = year.span();
        return found.stream().anyMatch(f -> f != year && f.span().begin() <= span.begin() && f.span().end() >= span.end()
                && f.span().length() > span.length());
    }

    /** Whether a number follows the year in its clause (2007年为209.44亿元): a figure reported for it. */
    private static boolean figureFollows(Document document, Span year) {
        String text = document.text().slice(new Span(year.end(), Math.min(document.text().length(), year.end() + 30)));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (CLAUSE_BREAKS.indexOf(c) >= 0) {
                return false;
            }
            if (c >= '0' && c <= '9' || c >= '０' && c <= '９') {
                return true;
            }
        }
        return false;
    }

    /** The forecast word (预计) right before {@code at}, or null. */
    private String forecastBefore(Document document, int at) {
        String before = document.text().slice(new Span(Math.max(0, at - FORECAST_LOOK_BACK), at));
        for (String cue : forecastCues.entries().keySet()) {
            if (before.endsWith(cue)) {
                return cue;
            }
        }
        return null;
    }

    private ReferenceTime latestReportedYear(Document document, List<DateFinding> found) {
        TreeMap<Integer, Integer> mentions = new TreeMap<>();
        int lastBegin = -1;
        for (DateFinding f : found) {
            document.deadline().check();
            // Findings come in text order; several rules finding the same year (2024年, 2024年2月份) count once.
            if (f.span().begin() != lastBegin && f.year().kind() == YearRef.Kind.EXPLICIT
                    && DATED_KINDS.contains(f.rule().kind()) && !dates.yearCues().isTarget(document, f.span())) {
                mentions.merge(f.year().value(), 1, Integer::sum);
                lastBegin = f.span().begin();
            }
        }
        return latestReportedYear(mentions);
    }

    /**
     * The latest year stated more than once; when no year is, the latest one provided the years
     * lie close together (a report's recent past), since a lone year far from the others is as
     * likely history (1588年) or a prospect as the year of writing.
     */
    private static ReferenceTime latestReportedYear(TreeMap<Integer, Integer> mentions) {
        if (mentions.isEmpty()) {
            return ReferenceTime.unknown();
        }
        int total = mentions.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<Integer, Integer> e : mentions.descendingMap().entrySet()) {
            if (e.getValue() >= 2) {
                return ReferenceTime.inferred(e.getKey(), "latest reported year (" + e.getValue() + " of "
                        + total + " dated mentions)");
            }
        }
        if (mentions.lastKey() - mentions.firstKey() > SINGLE_MENTION_SPREAD) {
            return ReferenceTime.unknown();
        }
        return ReferenceTime.inferred(mentions.lastKey(), "latest reported year (1 of " + total + " dated mentions)");
    }

    private static ReferenceTime dateline(Document document, List<DateFinding> found) {
        List<Sentence> sentences = document.sentences();
        if (sentences.isEmpty()) {
            return null;
        }
        int lastParagraph = sentences.get(sentences.size() - 1).paragraph();
        for (DateFinding f : found) {
            String kind = f.rule().kind();
            if (f.year().kind() != YearRef.Kind.EXPLICIT || !(kind.equals("month-day") || kind.equals("numeric"))) {
                continue;
            }
            Sentence s = document.sentenceAt(f.span().begin());
            if (s == null || s.paragraph() >= DATELINE_EDGE_PARAGRAPHS && s.paragraph() <= lastParagraph - DATELINE_EDGE_PARAGRAPHS) {
                continue;
            }
            if (paragraphLength(sentences, s.paragraph()) > DATELINE_MAX_LENGTH) {
                continue;
            }
            String timex = f.shape().timex(f.year().value());
            try {
                LocalDate date = LocalDate.parse(timex);
                return new ReferenceTime(date, date.getYear(), "inferred: dateline " + timex);
            } catch (DateTimeException e) {
                // not a real calendar day (2月30日): no dateline
            }
        }
        return null;
    }

    private static int paragraphLength(List<Sentence> sentences, int paragraph) {
        return sentences.stream().filter(s -> s.paragraph() == paragraph).mapToInt(s -> s.span().length()).sum();
    }
}
