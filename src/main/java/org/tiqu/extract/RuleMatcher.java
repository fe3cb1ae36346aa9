package org.tiqu.extract;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.document.Document;
import org.tiqu.rules.Rule;

/** Runs a rule's pattern over a document's match view. */
public final class RuleMatcher {

    /** Start characters per compiled pattern, learnt as texts are read; weak so that reloaded rules let go. */
    private static final Map<Pattern, StartChars> START_CHARS = Collections.synchronizedMap(new WeakHashMap<>());

    private RuleMatcher() {
    }

    /**
     * Calls {@code onMatch} for each non-overlapping match of {@code rule}, left to right,
     * exactly as {@link Matcher#find()} would find them. The match object is only valid
     * during the call.
     *
     * <p>The pattern is tried only at positions whose character can start a match
     * ({@link StartChars}), anchored there with {@code lookingAt} over a region that leaves
     * the text around it visible, so lookarounds and anchors see what {@code find()} sees.
     */
    public static void forEachMatch(Rule rule, Document document, Consumer<RuleMatch> onMatch) {
        Pattern pattern = rule.pattern();
        if (pattern == null) {
            return;
        }
        StartChars starts = START_CHARS.computeIfAbsent(pattern, StartChars::new);
        String view = document.view().text();
        // The guarded text stops a runaway regex when the document's time budget is spent.
        Matcher m = pattern.matcher(document.deadline().guard(view));
        RuleMatch match = new RuleMatch(rule, m, document.view());
        if (!starts.learnt()) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    onMatch.accept(match);
                }
            }
            return;
        }
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int length = view.length();
        int p = 0;
        while (p < length) {
            char c = view.charAt(p);
            if (Character.isLowSurrogate(c) && p > 0 && Character.isHighSurrogate(view.charAt(p - 1))) {
                p++; // find() does not start inside a surrogate pair either
                continue;
            }
            if (!starts.mayStartWith(pattern, c)
                    || p > 0 && p + 1 < length && !starts.mayStartBetween(pattern, view.charAt(p - 1), c, view.charAt(p + 1))) {
                p++;
                continue;
            }
            m.region(p, length);
            if (m.lookingAt() && m.end() > m.start()) {
                onMatch.accept(match);
                p = m.end();
            } else {
                p++;
            }
        }
    }
}
