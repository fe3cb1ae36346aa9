package org.tiqu.link;

import org.tiqu.rules.Lexicon;
import org.tiqu.rules.RuleFile;

/**
 * The words of {@code rules/metric.yaml} that {@link SubjectResolver} reads: how a report
 * names the owner of its figures (places, zones, companies, aggregates, projects), how it
 * refers back to it (全县, 公司), and who only reports figures (新华社, 据…统计).
 */
final class SubjectCues {

    final Lexicon selfReferences;
    final Lexicon companyReferenceAfter;
    final Lexicon scopeAfter;
    final Lexicon placeSuffixes;
    final Lexicon countryNames;
    final Lexicon placeAuthorities;
    final Lexicon zoneWords;
    final Lexicon genericZoneWords;
    final Lexicon aggregateHeads;
    final Lexicon aggregateScopes;
    final Lexicon nameLeftStops;
    final Lexicon notOwnerAfter;
    final Lexicon reporterSuffixes;
    final Lexicon reporterBefore;
    final Lexicon reporterAfter;
    final Lexicon reportVerbs;
    final Lexicon reportNouns;
    final Lexicon headingMarks;
    final Lexicon aliasCues;
    final Lexicon projectAfterValue;
    final Lexicon projectHeads;
    final Lexicon eventNouns;
    final Lexicon ownerSuffixes;

    SubjectCues(RuleFile file, MetricCues mc) {
        selfReferences = file.lexicon("self_references");
        companyReferenceAfter = file.lexicon("company_reference_after");
        scopeAfter = file.lexicon("scope_after");
        placeSuffixes = file.lexicon("place_suffixes");
        countryNames = file.lexicon("country_names");
        placeAuthorities = file.lexicon("place_authorities");
        zoneWords = file.lexicon("owner_zone_words");
        genericZoneWords = file.lexicon("generic_zone_words");
        aggregateHeads = file.lexicon("aggregate_heads");
        aggregateScopes = file.lexicon("aggregate_scopes");
        nameLeftStops = file.lexicon("name_left_stops");
        notOwnerAfter = file.lexicon("not_owner_after");
        reporterSuffixes = file.lexicon("reporter_suffixes");
        reporterBefore = file.lexicon("reporter_before");
        reporterAfter = file.lexicon("reporter_after");
        reportVerbs = file.lexicon("report_verbs");
        reportNouns = file.lexicon("report_nouns");
        headingMarks = file.lexicon("heading_marks");
        aliasCues = file.lexicon("alias_cues");
        projectAfterValue = file.lexicon("project_after_value");
        projectHeads = file.lexicon("project_heads");
        eventNouns = file.lexicon("subject_event_nouns");
        ownerSuffixes = file.lexicon("owner_suffixes");
        placeSuffixes.entries().keySet().forEach(w -> placeSuffixChars.set(w.charAt(w.length() - 1)));
        selfReferences.entries().keySet().forEach(w -> selfReferenceFirstChars.set(w.charAt(0)));
        selfReferences.entries().keySet().forEach(w -> selfReferenceSecondChars.set(w.charAt(1)));
        headingMarks.entries().keySet().forEach(w -> headingMarkChars.set(w.charAt(0)));
        for (Lexicon l : new Lexicon[] {zoneWords, mc.zoneSuffixes, aggregateHeads}) {
            l.entries().keySet().forEach(w -> zoneLastChars.set(w.charAt(w.length() - 1)));
        }
        mark(placeSuffixChars, PLACE_END);
        mark(zoneLastChars, ZONE_END);
        mark(selfReferenceFirstChars, SELF_START);
        charClasses['('] |= OPEN_PAREN;
        charClasses['（'] |= OPEN_PAREN;
    }

    private void mark(java.util.BitSet chars, byte flag) {
        chars.stream().forEach(ch -> charClasses[ch] |= flag);
    }

    /** {@link #charClasses}: a character that may end a place name. */
    static final byte PLACE_END = 1;
    /** A character that may end a zone word or aggregate head. */
    static final byte ZONE_END = 2;
    /** A character that may start a self-reference. */
    static final byte SELF_START = 4;
    /** An opening bracket (of a stock code). */
    static final byte OPEN_PAREN = 8;
    /**
     * The characters the owner scans stop at, as flags by UTF-16 unit: one pass over a
     * document's text finds them all (a look-up per character in a table, not a set per scan).
     */
    final byte[] charClasses = new byte[Character.MAX_VALUE + 1];

    /** Characters a place name may end with, and self-references begin with: a look-up per character. */
    final java.util.BitSet placeSuffixChars = new java.util.BitSet();
    final java.util.BitSet selfReferenceFirstChars = new java.util.BitSet();
    final java.util.BitSet selfReferenceSecondChars = new java.util.BitSet();
    final java.util.BitSet headingMarkChars = new java.util.BitSet();
    /** Characters a zone word or aggregate head ends with. */
    final java.util.BitSet zoneLastChars = new java.util.BitSet();

    /** The level a self-reference stands for (县, 市, 省, 区, company), or null. */
    String levelOf(String word) {
        return selfReferences.entries().get(word);
    }
}
