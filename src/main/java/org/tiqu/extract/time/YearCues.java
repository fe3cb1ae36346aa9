package org.tiqu.extract.time;

import org.tiqu.document.Document;
import org.tiqu.rules.Lexicon;
import org.tiqu.text.Span;

/**
 * The words just before a year that say what it is to the report: a target (到2025年, 至2035年),
 * a past bound (截至2024年) or a comparison base (增速比2021年减低), from the lexicon
 * {@code time.year_cues}.
 */
final class YearCues {

    private static final int LOOK_BACK = 3;

    private final Lexicon cues;

    YearCues(Lexicon cues) {
        this.cues = cues;
    }

    /** Whether the words before {@code span} make the date a target, not a reported time. */
    boolean isTarget(Document document, Span span) {
        return "target".equals(cue(document, span));
    }

    /**
     * Whether the date is the time its paragraph goes on speaking of: not a target, which lies
     * ahead, nor a comparison base, which the figure is set against.
     */
    boolean anchorsParagraph(Document document, Span span) {
        String cue = cue(document, span);
        return !"target".equals(cue) && !"base".equals(cue);
    }

    /** What the longest cue word right before {@code span} makes its date, or null. */
    private String cue(Document document, Span span) {
        int begin = span.begin();
        String before = document.text().slice(new Span(Math.max(0, begin - LOOK_BACK), begin));
        String best = null;
        for (String cue : cues.entries().keySet()) {
            if (before.endsWith(cue) && (best == null || cue.length() > best.length())) {
                best = cue;
            }
        }
        return best == null ? null : cues.get(best);
    }
}
