package org.tiqu.extract.time;

import org.tiqu.document.Document;
import org.tiqu.rules.Lexicon;
import org.tiqu.text.Span;

/**
 * The words just before a year that say what it is to the report: a target (到2025年, 至2035年)
 * or a past bound (截至2024年), from the lexicon {@code time.year_cues}.
 */
final class YearCues {

    private static final int LOOK_BACK = 3;

    private final Lexicon cues;

    YearCues(Lexicon cues) {
        this.cues = cues;
    }

    /** Whether the words before {@code span} make the date a target, not a reported time. */
    boolean isTarget(Document document, Span span) {
        int begin = span.begin();
        String before = document.text().slice(new Span(Math.max(0, begin - LOOK_BACK), begin));
        String best = null;
        for (String cue : cues.entries().keySet()) {
            if (before.endsWith(cue) && (best == null || cue.length() > best.length())) {
                best = cue;
            }
        }
        return best != null && "target".equals(cues.get(best));
    }
}
