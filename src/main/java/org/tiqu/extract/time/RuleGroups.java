package org.tiqu.extract.time;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.extract.RuleMatch;
import org.tiqu.rules.Rule;

/**
 * The named groups each rule's pattern declares, so that a group a rule does not have reads as
 * absent instead of throwing (Java 17's {@code Matcher} cannot list its groups, and an
 * exception per missing group per match is slow on long documents).
 */
final class RuleGroups {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Map<String, Set<String>> namesByRule = new HashMap<>();

    RuleGroups(List<Rule> rules) {
        for (Rule rule : rules) {
            Set<String> names = new HashSet<>();
            if (rule.pattern() != null) {
                Matcher m = NAMED_GROUP.matcher(rule.pattern().pattern());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            namesByRule.put(rule.id(), Set.copyOf(names));
        }
    }

    /** The text of group {@code name}, or null when the rule has no such group or it did not take part. */
    String group(RuleMatch m, String name) {
        Set<String> names = namesByRule.get(m.rule().id());
        return names != null && names.contains(name) ? m.group(name) : null;
    }
}
