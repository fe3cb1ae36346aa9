package org.tiqu.extract;

import java.util.regex.Matcher;

import org.tiqu.rules.Rule;
import org.tiqu.text.MatchView;
import org.tiqu.text.Span;

/**
 * One match of a rule's pattern on a document's match view. Groups are read from the
 * view (folded: {@code １３．７２} reads as {@code 13.72}); spans are source code points.
 */
public final class RuleMatch {

    private final Rule rule;
    private final Matcher matcher;
    private final MatchView view;

    RuleMatch(Rule rule, Matcher matcher, MatchView view) {
        this.rule = rule;
        this.matcher = matcher;
        this.view = view;
    }

    public Rule rule() {
        return rule;
    }

    /** The source span of the whole match. */
    public Span span() {
        return view.toSource(matcher.start(), matcher.end());
    }

    /** The folded text of named group {@code name}, or null when it did not take part. */
    public String group(String name) {
        return matcher.group(name);
    }

    /** The source span of named group {@code name}, or null when it did not take part. */
    public Span groupSpan(String name) {
        int start = matcher.start(name);
        return start < 0 ? null : view.toSource(start, matcher.end(name));
    }

    /** The folded text of the whole match. */
    public String text() {
        return matcher.group();
    }

    /** UTF-16 bounds of the match in the view, for looking at what surrounds it. */
    public int viewStart() {
        return matcher.start();
    }

    public int viewEnd() {
        return matcher.end();
    }
}
