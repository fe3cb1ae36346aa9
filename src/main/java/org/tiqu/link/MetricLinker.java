package org.tiqu.link;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tiqu.document.Document;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Provenance;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.RuleFile;

/**
 * Builds METRIC records from the resolved mentions of a document: each value (MONEY,
 * QUANTITY, PERCENT) with the indicator phrase of its clause, a change that follows
 * it, and the period, subject and modality that govern it. One value makes one metric;
 * a percentage after a change cue is the change of the value before it, or a metric
 * of its own with no value. The words come from {@code rules/metric.yaml}.
 *
 * <p>Stateless once built; safe to share between threads.
 */
public final class MetricLinker {

    static final String INDICATOR_VALUE = "metric.indicator-value";
    static final String COMPLETION = "metric.completion";
    static final String VALUE_INDICATOR = "metric.value-indicator";
    static final String BARE_CHANGE = "metric.bare-change";
    static final String SHARE = "metric.share";
    static final String LIST = "metric.list";
    static final String RESPECTIVELY = "metric.respectively";

    private final MetricCues cues;
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[、，,\\s]+");
    private static final Pattern TRAILING_VERB = Pattern.compile("[为达\\s]+$");
    private static final Pattern LIST_GAP = Pattern.compile("[、，,\\s]*");
    private static final Pattern COORDINATOR = Pattern.compile("[、和及与]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
    /** The words before a share that make it a share of what the clause before counts (占全市). */
    private final Pattern shareCore;
    private final Pattern shareScope;
    private final IndicatorPhrase phrases;
    private final ListPairing pairing;
    private final Governors governors;
    private final SubjectResolver subjects;

    public MetricLinker(RuleFile metricRules) {
        this.cues = new MetricCues(metricRules);
        String scopes = cues.shareScopes.regex();
        this.shareCore = Pattern.compile(scopes + "?" + cues.shareCues.regex() + scopes + "?");
        this.shareScope = Pattern.compile(scopes);
        this.phrases = new IndicatorPhrase(cues);
        this.pairing = new ListPairing(cues);
        this.governors = new Governors(cues);
        this.subjects = new SubjectResolver(cues, metricRules);
    }

    /** The metrics of {@code document}, given its resolved mentions, in text order. */
    public List<Metric> link(Document document, List<Mention> mentions) {
        LinkText t = new LinkText(document, mentions);
        List<MetricDraft> drafts = new ArrayList<>();
        LinkText.Placed previousValue = null;
        for (LinkText.Placed v : t.mentions) {
            document.deadline().check();
            if (!LinkText.isValue(v)) {
                continue;
            }
            LinkText.Sent sentence = t.sentenceAt(v.begin());
            if (sentence != null) {
                MetricDraft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
                if (previous != null && previous.sentence != sentence) {
                    previous = null;
                }
                MetricDraft d = draft(t, v, sentence, previousValue, previous);
                if (d != null) {
                    drafts.add(d);
                }
            }
            previousValue = v;
        }
        pairing.pair(t, drafts);
        List<Metric> metrics = new ArrayList<>(drafts.size());
        for (MetricDraft d : drafts) {
            document.deadline().check();
            governors.govern(t, d);
            subjects.resolve(t, d);
            metrics.add(toMetric(document, t, d));
        }
        return metrics;
    }

    /** A new draft for value {@code v}, or null when it is a change attached to {@code previous} or no metric. */
    private MetricDraft draft(LinkText t, LinkText.Placed v, LinkText.Sent sentence,
                             LinkText.Placed previousValue, MetricDraft previous) {
        int clauseStart = t.clauseStart(cues, v.begin(), sentence.begin());
        int segStart = clauseStart;
        if (previousValue != null && previousValue.end() > segStart && previousValue.end() <= v.begin()) {
            segStart = previousValue.end();
        }
        if (previous != null && previous.end > segStart && previous.end <= v.begin()) {
            segStart = previous.end;
        }
        int clauseEnd = t.clauseEnd(cues, v.end(), sentence.end());
        if (previousValue != null && previousValue.end() == segStart && (previous == null || previous.value != previousValue)) {
            // the words after a value that made no metric (两个批次) belong to that value
            segStart = Math.min(v.begin(), Math.max(segStart, phrases.right(t, previousValue.end(), clauseEnd).end()));
        }
        String segment = t.slice(segStart, v.begin());
        int respectively = segment.indexOf("分别");
        MetricDraft d = new MetricDraft(v, sentence);
        d.respectivelyAt = respectively < 0 ? -1 : segStart + respectively;
        if (v.type() == RecordType.PERCENT) {
            Boolean change = asChange(t, v, d, segStart, clauseStart, previous);
            if (change != null) {
                return change ? d : null;
            }
            if (asShare(t, v, d, segStart, previous)) {
                return d;
            }
        }
        IndicatorPhrase.Right right = phrases.right(t, v.end(), clauseEnd);
        if (previous != null && previous.value == previousValue && previous.end <= v.begin()
                && isListGap(t.slice(previous.end, v.begin())) && !right.isEmpty() && VALUE_INDICATOR.equals(previous.rule) && !right.structural()) {
            // 6家国家级…企业和28家省级…企业: each value names its own noun, after the same prefix
            d.rule = VALUE_INDICATOR;
            d.prefix = previous.prefix;
            d.indicator = previous.prefix + right.indicator();
            d.indicatorBegin = previous.prefix.isEmpty() ? right.begin() : -1;
            d.begin = previous.prefix.isEmpty() ? v.begin() : previous.begin;
            d.end = right.end();
            return d;
        }
        if (previous != null && previous.value == previousValue && isListGap(t.slice(previousValue.end(), v.begin()))) {
            MetricDraft head = previous.listHead != null ? previous.listHead : previous;
            d.rule = LIST;
            d.listHead = head;
            d.indicator = head.indicator;
            d.indicatorBegin = head.indicatorBegin;
            d.begin = head.begin;
            d.end = v.end();
            return d;
        }
        return asPhrase(t, v, d, segStart, right) ? d : null;
    }

    /**
     * A PERCENT written after a change cue. Attached to the value just before it when only
     * a comma or 、 separates them (returns false), else a metric with no value (true);
     * null when {@code v} is not a change.
     */
    private Boolean asChange(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, int clauseStart, MetricDraft previous) {
        String segment = t.slice(segStart, v.begin());
        String trimmed = segment;
        for (String tail : new String[] {"了", "为", "达"}) {
            if (trimmed.endsWith(tail) && trimmed.length() > tail.length()) {
                trimmed = trimmed.substring(0, trimmed.length() - tail.length());
            }
        }
        String cue = cues.changeCues.longestSuffixOf(trimmed);
        if (cue == null) {
            return null;
        }
        String before = trimmed.substring(0, trimmed.length() - cue.length());
        String basisWord = cues.basisCues.longestSuffixOf(before);
        if (basisWord != null) {
            before = before.substring(0, before.length() - basisWord.length());
        }
        Value change = v.mention().value().with("direction", cues.changeCues.get(cue))
                .with("basis", basisWord == null ? null : cues.basisCues.get(basisWord));
        int cueAt = segStart + before.length();
        if (previous != null && previous.change == null
                && previous.end <= cueAt && LIST_GAP.matcher(t.slice(previous.end, cueAt)).matches()) {
            previous.change = change;
            previous.end = v.end();
            return false;
        }
        IndicatorPhrase.Left left = phrases.left(t, segStart, cueAt, RecordType.PERCENT, false);
        if (left.isEmpty()) {
            return false;
        }
        d.rule = BARE_CHANGE;
        d.indicator = t.slice(left.begin, left.end);
        d.indicatorBegin = left.begin;
        d.begin = left.begin;
        d.end = v.end();
        d.change = change;
        return true;
    }

    /** A share of what the clause before counts (…，占全市76.1%、全省36.6%), or of the words before 占. */
    private boolean asShare(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, MetricDraft previous) {
        String core = TRAILING_VERB.matcher(LEADING_PUNCTUATION.matcher(t.slice(segStart, v.begin())).replaceAll(""))
                .replaceAll("");
        boolean shareOfBefore = shareCore.matcher(core).matches()
                || shareScope.matcher(core).matches() && previous != null && previous.isShare();
        if (shareOfBefore) {
            MetricDraft of = previous == null ? null
                    : previous.isShare() && previous.listHead != null ? previous.listHead : previous;
            if (of == null || of.indicator == null) {
                return false;
            }
            d.rule = SHARE;
            d.listHead = of;
            d.indicator = of.indicator;
            d.indicatorBegin = of.indicatorBegin;
            d.begin = of.indicatorBegin >= 0 ? of.indicatorBegin : of.begin;
            d.end = v.end();
            return true;
        }
        int at = core.lastIndexOf('占');
        if (at > 0 && !core.endsWith("比重") && !core.contains("占比")) {
            int coreStart = t.text.indexOf(core, segStart);
            IndicatorPhrase.Left left = phrases.left(t, coreStart, coreStart + at, v.type(), false);
            if (left.isEmpty()) {
                return false;
            }
            d.rule = SHARE;
            d.indicator = t.slice(left.begin, left.end);
            d.indicatorBegin = left.begin;
            d.begin = left.begin;
            d.end = v.end();
            return true;
        }
        return false;
    }

    /** The indicator before the value, after it (value first), or both joined by a kept verb. */
    private boolean asPhrase(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, IndicatorPhrase.Right right) {
        IndicatorPhrase.Left left = phrases.left(t, segStart, v.begin(), v.type(), !right.isEmpty());
        if (right.structural() || v.type() == RecordType.QUANTITY && cues.structuralNouns.contains(v.mention().value().get("unit"))) {
            return false;
        }
        if (cues.rangeWords.contains(t.slice(segStart, v.begin()).strip())) {
            return false; // 从15.9平方公里的狭小空间，到318平方公里…: the ends of a change told, not figures
        }
        String leftText = t.slice(left.begin, left.end);
        if (!right.isEmpty() && (left.isEmpty() || left.enumerated || left.modifier || left.end - left.begin == 1
                || !right.afterDe() && !left.endsWithKeptVerb && t.startsWithVerb(d.sentence, left.begin, left.end))) {
            d.rule = VALUE_INDICATOR;
            d.indicator = right.indicator();
            d.indicatorBegin = right.begin();
            d.begin = v.begin();
            d.end = right.end();
        } else if (!right.isEmpty() && (left.endsWithKeptVerb || left.droppedVerb != null && !left.completion)) {
            d.rule = VALUE_INDICATOR;
            d.prefix = leftText;
            d.indicator = leftText + right.indicator();
            d.begin = left.begin;
            d.end = right.end();
        } else if (!left.isEmpty()) {
            d.rule = left.completion ? COMPLETION : INDICATOR_VALUE;
            d.indicator = leftText;
            d.indicatorBegin = left.begin;
            d.begin = left.begin;
            d.end = v.end();
        } else {
            return false;
        }
        return true;
    }

    private static boolean isListGap(String gap) {
        return COORDINATOR.matcher(gap.strip()).matches();
    }

    private static Metric toMetric(Document document, LinkText t, MetricDraft d) {
        Value value = d.rule.equals(BARE_CHANGE) ? null : d.value.mention().value();
        Provenance provenance = new Provenance(d.rule, d.sentence.sentence().index(), d.sentence.sentence().section());
        // line breaks inside an indicator are layout, not words
        String indicator = SPACES.matcher(d.indicator).replaceAll("");
        return new Metric(document.id(), t.span(d.begin, d.end), t.slice(d.begin, d.end), indicator, d.subject,
                d.period, value, d.change, d.modality, provenance,
                evidence(t, d.subject, d.subjectEvidenceBegin, d.subjectEvidenceEnd),
                evidence(t, d.period, d.periodEvidenceBegin, d.periodEvidenceEnd));
    }

    /** The code-point span of the words that gave a field, or null when the field is null or no words gave it. */
    private static org.tiqu.text.Span evidence(LinkText t, String field, int begin, int end) {
        return field == null || begin < 0 || end <= begin ? null : t.span(begin, end);
    }
}
