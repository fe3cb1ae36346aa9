package org.tiqu.link;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tiqu.record.RecordType;

/**
 * What governs a metric beyond its clause words: the period (the clause's date, else
 * the last date before it in its sentence, else the date that opens its paragraph)
 * and the modality (a cue in its clause, or a 到…年 frame in its sentence). The
 * subject is {@link SubjectResolver}'s.
 */
final class Governors {

    /** How many sentences back a topic (the owner an earlier sentence opens with) is looked for. */
    private static final int TOPIC_REACH = 30;
    /** How far into a sentence a date or name still opens it. */
    private static final int OPENER_REACH = 60;
    /** What may stand between the sentence start and its opener without counting as words. */
    private static final Pattern OPENER_FILLER = Pattern.compile("[，,、\\s\u3000]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** Up to two characters between an event noun and a reporting verb (会议上提出). */
    private static final Pattern SHORT_LEAD = Pattern.compile("^[^，,]{0,2}");

    private final MetricCues cues;

    Governors(MetricCues cues) {
        this.cues = cues;
    }

    void govern(LinkText t, MetricDraft d) {
        if (d.period == null) {
            d.period = period(t, d);
        }
        d.modality = modality(t, d);
    }

    private String period(LinkText t, MetricDraft d) {
        LinkText.Sent s = d.sentence;
        int clauseStart = t.clauseStart(cues, d.value.begin(), s.begin());
        int clauseEnd = t.clauseEnd(cues, d.value.end(), s.end());
        List<LinkText.Placed> inClause = t.within(clauseStart, clauseEnd, p -> isPeriod(t, p));
        LinkText.Placed before = null;
        LinkText.Placed after = null;
        for (LinkText.Placed p : inClause) {
            if (p.end() <= d.value.begin()) {
                before = p;
            } else if (after == null && p.begin() >= d.value.end()) {
                after = p;
            }
        }
        if (before == null && after == null) {
            List<LinkText.Placed> inSentence = t.within(t.reachBack(s, d.value.begin()), d.value.begin(), p -> isPeriod(t, p));
            before = inSentence.isEmpty() ? null : inSentence.get(inSentence.size() - 1);
        }
        if (before == null && after == null) {
            before = paragraphOpener(t, s);
        }
        if (before == null && after == null) {
            before = eventEdition(t, s, d.value.begin());
        }
        LinkText.Placed date = before != null ? before : after;
        if (date != null) {
            d.periodEvidenceBegin = date.begin();
            d.periodEvidenceEnd = date.end();
        }
        return date == null ? null : date.mention().value().get("timex");
    }

    /** A DATE that can be a period: not the year a change is measured against (比上年, 较去年同期). */
    private boolean isPeriod(LinkText t, LinkText.Placed date) {
        if (date.type() != RecordType.DATE) {
            return false;
        }
        int from = Math.max(0, date.begin() - 2);
        int to = Math.min(t.text.length(), date.end() + 2);
        String around = t.slice(from, to);
        for (String basis : cues.basisCues.entries().keySet()) {
            int at = around.indexOf(basis);
            if (at >= 0 && from + at <= date.begin() && date.end() <= from + at + basis.length()) {
                return false;
            }
        }
        return !t.slice(from, date.begin()).endsWith("比") && !t.slice(from, date.begin()).endsWith("较");
    }

    /**
     * The DATE that governs {@code s} from earlier in its paragraph: the year that opens
     * the latest sentence opening with a year (2024年，…), or whatever date opens the
     * paragraph. A narrower opener (一季度…) governs only its own sentence.
     */
    private LinkText.Placed paragraphOpener(LinkText t, LinkText.Sent s) {
        int paragraph = s.sentence().paragraph();
        int here = t.indexOf(s);
        for (int i = here - 1; i >= Math.max(-1, here - TOPIC_REACH); i--) {
            LinkText.Sent prev = i >= 0 ? t.sentences.get(i) : null;
            if (prev == null || prev.sentence().paragraph() != paragraph) {
                LinkText.Sent first = t.sentences.get(i + 1);
                String lead = t.slice(first.begin(), first.end()).strip();
                if (prev == null || cues.continuing.longestPrefixOf(lead) == null) {
                    return opener(t, first);
                }
                paragraph = prev.sentence().paragraph(); // 同时，… continues the paragraph before
            }
            LinkText.Placed opener = opener(t, prev);
            if (opener != null && YEAR.matcher(String.valueOf(opener.mention().value().get("timex"))).matches()) {
                return opener;
            }
        }
        return null;
    }

    /**
     * For a figure of an event (本届大会共签约项目71个), the edition year of the event as
     * named earlier (2023中德(欧)中小企业交流合作大会); a 其中 sentence is about the same event
     * as the one before. Null for any other figure.
     */
    private LinkText.Placed eventEdition(LinkText t, LinkText.Sent s, int at) {
        int here = t.indexOf(s);
        LinkText.Sent about = s;
        int until = at;
        if (!isAboutEvent(t.slice(t.reachBack(s, at), at)) && here > 0
                && cues.subsetConnectives.longestPrefixOf(t.slice(s.begin(), s.end()).strip()) != null) {
            about = t.sentences.get(here - 1);
            until = about.end();
        }
        if (!isAboutEvent(t.slice(t.reachBack(about, until), until))) {
            return null;
        }
        for (int i = t.indexOf(about); i >= Math.max(0, here - TOPIC_REACH); i--) {
            LinkText.Sent prev = t.sentences.get(i);
            List<LinkText.Placed> dates = t.within(prev.begin(), i == t.indexOf(about) ? until : prev.end(),
                    p -> p.type() == RecordType.DATE);
            for (int k = dates.size() - 1; k >= 0; k--) {
                LinkText.Placed date = dates.get(k);
                int end = t.clauseEnd(cues, date.end(), prev.end());
                String name = t.slice(date.end(), Math.min(end, date.end() + 30));
                for (String event : cues.eventNouns.entries().keySet()) {
                    if (name.contains(event)) {
                        return date;
                    }
                }
            }
        }
        return null;
    }

    /** The DATE a sentence opens with (at most one character before it), or null. */
    private static LinkText.Placed opener(LinkText t, LinkText.Sent s) {
        List<LinkText.Placed> dates = t.within(s.begin(), Math.min(s.end(), s.begin() + OPENER_REACH),
                p -> p.type() == RecordType.DATE);
        if (!dates.isEmpty() && t.slice(s.begin(), dates.get(0).begin()).strip().length() <= 1) {
            return dates.get(0);
        }
        return null;
    }

    /** The words before a figure make an event its owner (本届大会共签约…), not a report about it (会议提出…). */
    private boolean isAboutEvent(String lead) {
        for (String event : cues.eventNouns.entries().keySet()) {
            int at = lead.indexOf(event);
            if (at >= 0) {
                String after = lead.substring(at + event.length());
                return cues.reportingVerbs.longestPrefixOf(after) == null
                        && cues.reportingVerbs.longestPrefixOf(SHORT_LEAD.matcher(after).replaceFirst("")) == null;
            }
        }
        return false;
    }

    private String modality(LinkText t, MetricDraft d) {
        int clauseStart = t.clauseStart(cues, d.value.begin(), d.sentence.begin());
        String clause = t.slice(clauseStart, d.value.begin());
        String found = null;
        int lastAt = -1;
        for (Map.Entry<String, String> cue : cues.modalityCues.entries().entrySet()) {
            int at = clause.lastIndexOf(cue.getKey());
            boolean cancelled = at > 0 && cues.modalityCancel.longestSuffixOf(clause.substring(0, at)) != null;
            boolean inIndicator = d.indicatorBegin >= 0 && d.indicator != null && clauseStart + at >= d.indicatorBegin
                    && clauseStart + at < d.indicatorBegin + d.indicator.length();
            if (at > lastAt && !cancelled && !inIndicator && !insideIndicatorWord(clause, at)) {
                lastAt = at;
                found = cue.getValue();
            }
        }
        if (found != null) {
            return found;
        }
        for (LinkText.Placed date : t.within(t.reachBack(d.sentence, d.value.begin()), d.value.begin(), p -> p.type() == RecordType.DATE)) {
            if (date.begin() > 0 && t.text.charAt(date.begin() - 1) == '到') {
                return "target";
            }
        }
        return "actual";
    }

    private boolean insideIndicatorWord(String clause, int at) {
        for (String word : cues.modalityInIndicator.entries().keySet()) {
            for (int i = clause.indexOf(word); i >= 0; i = clause.indexOf(word, i + 1)) {
                if (i <= at && at < i + word.length()) {
                    return true;
                }
            }
        }
        return false;
    }
}
