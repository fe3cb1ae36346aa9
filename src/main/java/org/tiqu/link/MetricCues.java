package org.tiqu.link;

import java.util.BitSet;

import org.tiqu.rules.Lexicon;
import org.tiqu.rules.RuleFile;

/**
 * The words of {@code rules/metric.yaml} the linker reads, with the look-ups it needs:
 * which lexicon word starts or ends a piece of text. Longest words are tried first,
 * so 比上年同期 wins over 比上年.
 */
final class MetricCues {

    final Lexicon linkingVerbs;
    final Lexicon keptVerbs;
    final Lexicon fillers;
    final Lexicon approxBefore;
    final Lexicon changeCues;
    final Lexicon basisCues;
    final Lexicon modalityCues;
    final Lexicon modalityInIndicator;
    final Lexicon modalityCancel;
    final Lexicon shareCues;
    final Lexicon shareScopes;
    final Lexicon respectively;
    final Lexicon structuralNouns;
    final Lexicon predicateStarts;
    final Lexicon authoritySuffixes;
    final Lexicon clauseBreaks;
    /** The one-character clause breaks, for a lookup per character. */
    private final BitSet clauseBreakChars = new BitSet();
    final Lexicon eventNouns;
    final Lexicon continuing;
    final Lexicon zoneSuffixes;
    final Lexicon rangeWords;
    final Lexicon subsetConnectives;
    final Lexicon reportingVerbs;
    final Lexicon upToWords;
    final Lexicon sinceWords;
    final Lexicon periodEndWords;
    final Lexicon stockWords;
    final Lexicon openingWords;
    final Lexicon comparisonBefore;
    final Lexicon presentWords;
    final Lexicon changeGapWords;
    final Lexicon comparisonCues;
    final Lexicon populationNouns;
    final Lexicon scopeWords;
    final Lexicon ownerWords;
    final Lexicon innerFillers;
    final Lexicon baseShareLeads;
    final Lexicon modalityFrames;
    final Lexicon measureWords;
    final Lexicon subsetWords;
    final Lexicon valueFirstVerbs;
    final Lexicon companySuffixes;
    final Lexicon innerLinkingVerbs;
    final Lexicon datelineMarks;
    final Lexicon sameDayWords;

    MetricCues(RuleFile file) {
        linkingVerbs = file.lexicon("linking_verbs");
        keptVerbs = file.lexicon("kept_verbs");
        fillers = file.lexicon("fillers");
        approxBefore = file.lexicon("approx_before");
        changeCues = file.lexicon("change_cues");
        basisCues = file.lexicon("basis_cues");
        modalityCues = file.lexicon("modality_cues");
        modalityInIndicator = file.lexicon("modality_in_indicator");
        modalityCancel = file.lexicon("modality_cancelled_after");
        shareCues = file.lexicon("share_cues");
        shareScopes = file.lexicon("share_scopes");
        respectively = file.lexicon("respectively");
        structuralNouns = file.lexicon("structural_nouns");
        predicateStarts = file.lexicon("predicate_starts");
        authoritySuffixes = file.lexicon("authority_suffixes");
        clauseBreaks = file.lexicon("clause_breaks");
        clauseBreaks.entries().keySet().stream().filter(w -> w.length() == 1).forEach(w -> clauseBreakChars.set(w.charAt(0)));
        eventNouns = file.lexicon("event_nouns");
        continuing = file.lexicon("continuing_connectives");
        zoneSuffixes = file.lexicon("zone_suffixes");
        rangeWords = file.lexicon("range_words");
        subsetConnectives = file.lexicon("subset_connectives");
        reportingVerbs = file.lexicon("reporting_verbs");
        upToWords = file.lexicon("up_to_words");
        sinceWords = file.lexicon("since_words");
        periodEndWords = file.lexicon("period_end_words");
        stockWords = file.lexicon("stock_words");
        openingWords = file.lexicon("opening_words");
        comparisonBefore = file.lexicon("comparison_before");
        presentWords = file.lexicon("present_words");
        changeGapWords = file.lexicon("change_gap_words");
        comparisonCues = file.lexicon("comparison_cues");
        populationNouns = file.lexicon("population_nouns");
        scopeWords = file.lexicon("scope_words");
        ownerWords = file.lexicon("owner_words");
        innerFillers = file.lexicon("inner_fillers");
        baseShareLeads = file.lexicon("base_share_leads");
        modalityFrames = file.lexicon("modality_frames");
        measureWords = file.lexicon("measure_words");
        subsetWords = file.lexicon("subset_words");
        valueFirstVerbs = file.lexicon("value_first_verbs");
        companySuffixes = file.lexicon("company_suffixes");
        innerLinkingVerbs = file.lexicon("inner_linking_verbs");
        datelineMarks = file.lexicon("dateline_marks");
        sameDayWords = file.lexicon("same_day_words");
    }

    boolean isClauseBreak(char c) {
        return clauseBreakChars.get(c);
    }
}
