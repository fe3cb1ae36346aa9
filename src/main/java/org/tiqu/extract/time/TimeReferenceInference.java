package org.tiqu.extract.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tiqu.document.Document;
import org.tiqu.document.ReferenceInference;
import org.tiqu.document.ReferenceTime;
import org.tiqu.document.Sentence;
import org.tiqu.rules.RuleBook;

/**
 * Finds the year a report speaks from in its own dates, in this order of evidence:
 * <ol>
 *   <li>a dateline: a full date standing on a short line of its own among the first or last
 *       lines (发布时间：2023-07-10);</li>
 *   <li>the latest reported year: the latest year the text states as a fact, more than once
 *       (or once, among years close together). Reports look back on the past year and set out
 *       the current one, so the latest year that is not a target (到2035年), a plan period or
 *       a range is the year of writing.</li>
 * </ol>
 * Without either the reference stays unknown and relative dates keep {@code XXXX}.
 */
public final class TimeReferenceInference implements ReferenceInference {

    private static final int DATELINE_MAX_LENGTH = 40;
    private static final int DATELINE_EDGE_PARAGRAPHS = 3;
    /** How far apart years each stated once may lie for the latest of them to count as the report's. */
    private static final int SINGLE_MENTION_SPREAD = 5;
    private static final Set<String> DATED_KINDS = Set.of("year", "month", "month-day", "month-range",
            "day-range", "quarter", "quarters", "half", "numeric");

    private final DateExtractor dates;

    public TimeReferenceInference(RuleBook book) {
        this(new DateExtractor(book));
    }

    /** Reads the dates {@code dates} finds: given the pipeline's own extractor, both share what it learns and finds. */
    public TimeReferenceInference(DateExtractor dates) {
        this.dates = dates;
    }

    @Override
    public ReferenceTime infer(Document document) {
        List<DateFinding> found = dates.find(document);
        ReferenceTime dateline = dateline(document, found);
        if (dateline != null) {
            return dateline;
        }
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
