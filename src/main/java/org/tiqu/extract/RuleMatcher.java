package org.tiqu.extract;

import java.util.function.Consumer;
import java.util.regex.Matcher;

import org.tiqu.document.Document;
import org.tiqu.rules.Rule;

/** Runs a rule's pattern over a document's match view. */
public final class RuleMatcher {

    private RuleMatcher() {
    }

    /**
     * Calls {@code onMatch} for each non-overlapping match of {@code rule}, left to right.
     * The match object is only valid during the call.
     */
    public static void forEachMatch(Rule rule, Document document, Consumer<RuleMatch> onMatch) {
        if (rule.pattern() == null) {
            return;
        }
        // The guarded text stops a runaway regex when the document's time budget is spent.
        Matcher m = rule.pattern().matcher(document.deadline().guard(document.view().text()));
        RuleMatch match = new RuleMatch(rule, m, document.view());
        while (m.find()) {
            if (m.end() > m.start()) {
                onMatch.accept(match);
            }
        }
    }
}
