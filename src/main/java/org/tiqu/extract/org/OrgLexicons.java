package org.tiqu.extract.org;

import java.util.Set;

import org.tiqu.rules.Lexicon;
import org.tiqu.rules.RuleFile;

/**
 * The word lists of {@code rules/org.yaml} the ORG mechanisms consult, read once by name.
 * Knowledge stays in the rules file; this class only gives the lists names in code.
 */
record OrgLexicons(Set<String> leftStops, Set<String> stopPos, Set<String> distinctivePos,
                   Set<String> genericModifiers, Set<String> genericAnaphors, Set<String> notOrg,
                   Set<String> eventEndings, Set<String> shortBodies, Set<String> functionChars,
                   Set<String> nameEndings, Lexicon commonWords, Lexicon endingLedWords) {

    static OrgLexicons of(RuleFile org) {
        return new OrgLexicons(words(org, "left_stops"), words(org, "stop_pos"), words(org, "distinctive_pos"),
                words(org, "generic_modifiers"), words(org, "generic_anaphors"), words(org, "not_org"),
                words(org, "event_endings"), words(org, "short_bodies"), words(org, "function_chars"),
                union(words(org, "suffix_zone"), words(org, "suffix_government")), org.lexicon("common_words"),
                org.lexicon("ending_led_words"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Set<String> words(RuleFile file, String name) {
        Lexicon lexicon = file.lexicon(name);
        return Set.copyOf(lexicon.entries().keySet());
    }

    boolean isStopPos(String pos) {
        return stopPos.contains(pos);
    }

    boolean isDistinctivePos(String pos) {
        return distinctivePos.contains(pos);
    }
}
