package org.tiqu.extract.number;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tiqu.extract.RuleMatch;

/** Reading the numeral groups of a rule match. */
public final class Numerals {

    private Numerals() {
    }

    /** The value of named group {@code group}, or null when it did not take part or is not a numeral we read. */
    public static BigDecimal read(RuleMatch match, String group) {
        String text = match.group(group);
        if (text == null) {
            return null;
        }
        try {
            return NumberParser.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of {@code text}, or null when it is not a numeral we read. */
    public static BigDecimal read(String text) {
        try {
            return NumberParser.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text of the match that may hold 余/多 inside the number: the number group and an {@code inner} group. */
    public static String innerText(RuleMatch match) {
        String number = groupOrNull(match, "number");
        String inner = groupOrNull(match, "inner");
        return (number == null ? "" : number) + (inner == null ? "" : inner);
    }

    /** A named group's text, or null when the pattern has no such group or it did not take part. */
    public static String groupOrNull(RuleMatch match, String group) {
        return hasGroup(match, group) ? match.group(group) : null;
    }

    /**
     * Whether the rule's pattern defines {@code group}. Java 17 has no API for it, and asking
     * the matcher for a missing group throws, which costs a stack trace per match; so the
     * answer is read once from the pattern text and remembered.
     */
    private static boolean hasGroup(RuleMatch match, String group) {
        return GROUPS.computeIfAbsent(match.rule().id() + "#" + group,
                key -> match.rule().pattern().pattern().contains("(?<" + group + ">"));
    }

    private static final Map<String, Boolean> GROUPS = new ConcurrentHashMap<>();
}
