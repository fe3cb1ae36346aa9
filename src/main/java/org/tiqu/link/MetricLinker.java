package org.tiqu.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Marks a listed change that makes no metric. */
    private static final MetricDraft NO_METRIC = new MetricDraft(null, null);
    private final MetricCues cues;
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[、，,\\s]+");
    private static final Pattern TRAILING_VERB = Pattern.compile("[为达\\s]+$");
    private static final Pattern TRAILING_APPROX = Pattern.compile("[约近超逾\\s]+$");
    private static final Pattern LIST_GAP = Pattern.compile("[、，,\\s]*");
    private static final Pattern COORDINATOR = Pattern.compile("[、和及与]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
    private static final Pattern MONTH = Pattern.compile("(\\d{4}|XXXX)-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}|XXXX");
    /** The words before a share that make it a share of what the clause before counts (占全市). */
    private final Pattern shareCore;
    private final Pattern shareScope;
    private final IndicatorPhrase phrases;
    private final ListPairing pairing;
    private final ElidedMeasures measures;
    private final Governors governors;
    private final SubjectResolver subjects;

    public MetricLinker(RuleFile metricRules) {
        this.cues = new MetricCues(metricRules);
        String scopes = cues.shareScopes.regex();
        this.shareCore = Pattern.compile(scopes + "?" + cues.shareCues.regex() + scopes + "?");
        this.shareScope = Pattern.compile(scopes);
        this.phrases = new IndicatorPhrase(cues);
        this.pairing = new ListPairing(cues);
        this.measures = new ElidedMeasures(cues);
        this.governors = new Governors(cues);
        this.subjects = new SubjectResolver(cues, metricRules);
    }

    /** The metrics of {@code document}, given its resolved mentions, in text order. */
    public List<Metric> link(Document document, List<Mention> mentions) {
        LinkText t = new LinkText(document, mentions);
        List<MetricDraft> drafts = new ArrayList<>();
        // the later percents of a change list (同比增长27.56%和25.69%): the bare change heading them, or NO_METRIC
        Map<LinkText.Placed, MetricDraft> changeList = new HashMap<>();
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
                MetricDraft d;
                if (changeList.containsKey(v)) {
                    d = listedChange(v, sentence, changeList.get(v)); // a later change of a list, placed already
                } else {
                    d = draft(t, v, sentence, previousValue, previous, drafts, changeList);
                }
                if (d != null) {
                    drafts.add(d);
                }
            }
            previousValue = v;
        }
        pairing.pair(t, drafts);
        measures.supply(t, drafts);
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
                             LinkText.Placed previousValue, MetricDraft previous, List<MetricDraft> drafts,
                             Map<LinkText.Placed, MetricDraft> changeList) {
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
        if (v.type() == RecordType.PERCENT && isComparison(t, clauseStart, v)) {
            return null; // 高于全省…个百分点, 拉动…增长2.9个百分点: a comparison, not a figure
        }
        if (v.type() == RecordType.PERCENT) {
            Boolean change = asChange(t, v, d, segStart, drafts, changeList);
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
        return asPhrase(t, v, d, segStart, right, drafts) ? d : null;
    }

    /**
     * A PERCENT written after a change cue, with the percents listed after it (同比增长27.56%和25.69%):
     * the changes, in order, of the values just before the cue when only punctuation and
     * words such as 分别 or 按可比口径 separate them (returns false), else a metric with no
     * value for each (true); null when {@code v} is not a change.
     */
    private Boolean asChange(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, List<MetricDraft> drafts,
                             Map<LinkText.Placed, MetricDraft> changeList) {
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
        String before = stripGapWords(trimmed.substring(0, trimmed.length() - cue.length()));
        String basisWord = cues.basisCues.longestSuffixOf(before);
        if (basisWord != null) {
            before = stripGapWords(before.substring(0, before.length() - basisWord.length()));
        }
        String direction = cues.changeCues.get(cue);
        String basis = basisWord == null ? null : cues.basisCues.get(basisWord);
        LinkText.Placed base = comparedDate(t, segStart + before.length());
        if (basisWord == null && base != null) {
            // 比9月下降 (in an October report): the month before; 较2023年 (a year): the year before
            String timex = String.valueOf(base.mention().value().get("timex"));
            basis = MONTH.matcher(timex).matches() ? "mom" : YEAR.matcher(timex).matches() ? "yoy" : null;
            before = stripGapWords(t.slice(segStart, base.begin() - 1));
        }
        int cueAt = segStart + before.length();
        List<LinkText.Placed> listed = changeListFrom(t, v);
        List<MetricDraft> targets = changeTargets(t, v, drafts, listed.size(), cueAt);
        if (targets != null) {
            boolean allChanged = targets.stream().allMatch(x -> x.change != null);
            for (int j = 0; j < listed.size(); j++) {
                MetricDraft target = targets.get(j);
                if (!allChanged && target.change == null) {
                    target.change = listed.get(j).mention().value().with("direction", direction).with("basis", basis);
                    target.end = Math.max(target.end, listed.get(j).end());
                }
                if (j > 0) {
                    changeList.put(listed.get(j), NO_METRIC);
                }
            }
            return false; // a second change of the same values (比9月…，同比…) stays in their evidence only
        }
        IndicatorPhrase.Left left = phrases.left(t, segStart, cueAt, RecordType.PERCENT, false);
        if (left.isEmpty()) {
            return false;
        }
        d.rule = BARE_CHANGE;
        d.indicator = left.text(t);
        d.indicatorBegin = left.sliceBegin();
        d.begin = left.begin;
        MetricDraft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
        MetricDraft shareOf = shareBase(t, v.begin(), d.sentence, previous);
        if (shareOf != null) {
            // 占全省投资的比重较上年同期提高1.3个百分点: the change of a share of the figure before
            d.indicator = shareOf.indicator;
            d.indicatorBegin = shareOf.indicatorBegin;
            d.begin = shareOf.indicatorBegin >= 0 ? shareOf.indicatorBegin : shareOf.begin;
        }
        d.end = v.end();
        d.change = v.mention().value().with("direction", direction).with("basis", basis);
        for (int j = 1; j < listed.size(); j++) {
            changeList.put(listed.get(j), d);
        }
        return true;
    }

    /** A comparison word (高于, 拉动, 收窄) stands in the clause before {@code v}. */
    private boolean isComparison(LinkText t, int clauseStart, LinkText.Placed v) {
        String clause = t.slice(clauseStart, v.begin());
        for (String w : cues.comparisonCues.entries().keySet()) {
            if (clause.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The DATE ending at {@code at} written after 比 or 较 (比9月下降), or null. */
    private LinkText.Placed comparedDate(LinkText t, int at) {
        for (LinkText.Placed m : t.within(Math.max(0, at - 12), at, p -> p.type() == RecordType.DATE)) {
            if (m.end() == at && m.begin() > 0 && "比较".indexOf(t.text.charAt(m.begin() - 1)) >= 0) {
                return m;
            }
        }
        return null;
    }

    /** A later percent of a change list: no metric, or a metric with no value beside its head's. */
    private static MetricDraft listedChange(LinkText.Placed v, LinkText.Sent sentence, MetricDraft head) {
        if (head == NO_METRIC) {
            return null;
        }
        MetricDraft d = new MetricDraft(v, sentence);
        d.rule = BARE_CHANGE;
        d.listHead = head;
        d.respectivelyAt = head.respectivelyAt;
        d.indicator = head.indicator;
        d.indicatorBegin = head.indicatorBegin;
        d.begin = head.begin;
        d.end = v.end();
        d.change = v.mention().value().with("direction", head.change.get("direction")).with("basis", head.change.get("basis"));
        return d;
    }

    /** {@code v} and the percents listed after it with 和 or 、 (27.56%和25.69%). */
    private static List<LinkText.Placed> changeListFrom(LinkText t, LinkText.Placed v) {
        List<LinkText.Placed> listed = new ArrayList<>(List.of(v));
        LinkText.Placed last = v;
        for (LinkText.Placed next : t.within(v.end(), Math.min(t.text.length(), v.end() + LinkText.MAX_CLAUSE), x -> true)) {
            if (next.type() != v.type() || next.begin() < last.end() || !isListGap(t.slice(last.end(), next.begin()))) {
                break;
            }
            listed.add(next);
            last = next;
        }
        return listed;
    }

    /**
     * The {@code k} drafts, in order, whose changes a change list at {@code cueAt} states: the
     * last drafts of the sentence before it, skipping ratios (完成预算的60.8%) for a growth in
     * percent, with nothing but punctuation and gap words between them and the cue; or null.
     */
    private List<MetricDraft> changeTargets(LinkText t, LinkText.Placed v, List<MetricDraft> drafts, int k, int cueAt) {
        boolean points = v.mention().value().get("points") != null;
        List<MetricDraft> targets = new ArrayList<>();
        StringBuilder gap = new StringBuilder();
        int gapEnd = cueAt;
        LinkText.Sent sentence = t.sentenceAt(v.begin());
        for (int i = drafts.size() - 1; i >= 0 && targets.size() < k; i--) {
            MetricDraft x = drafts.get(i);
            if (x.sentence != sentence || x.end > cueAt || BARE_CHANGE.equals(x.rule)) {
                return null;
            }
            boolean ratio = !points && (COMPLETION.equals(x.rule) || x.isShare());
            if (targets.isEmpty() && !ratio) {
                gap.insert(0, t.slice(x.end, gapEnd));
            }
            if (ratio) {
                if (targets.isEmpty()) {
                    gap.insert(0, t.slice(x.end, gapEnd));
                    gapEnd = Math.min(x.begin, x.value.begin());
                }
                continue;
            }
            if (targets.isEmpty()) {
                gapEnd = x.end;
            }
            targets.add(0, x);
        }
        if (targets.size() < k || !LIST_GAP.matcher(stripAllGapWords(gap.toString())).matches()) {
            return null;
        }
        return targets;
    }

    /** {@code s} without 分别, 按可比口径 and the like at its end. */
    private String stripGapWords(String s) {
        String w;
        while ((w = cues.changeGapWords.longestSuffixOf(s)) != null) {
            s = s.substring(0, s.length() - w.length());
        }
        return s;
    }

    /** {@code s} without any of the gap words (…，按可比价格计算，比上年…). */
    private String stripAllGapWords(String s) {
        for (String w : cues.changeGapWords.entries().keySet()) {
            s = s.replace(w, "");
        }
        return s;
    }

    /**
     * The figure a share is of when its clause opens with 占 (…，占总额的69%) or states a
     * contribution (对…的贡献率): the draft before it in the sentence, or the base that draft
     * is a share of; else null.
     */
    private MetricDraft shareBase(LinkText t, int at, LinkText.Sent sentence, MetricDraft previous) {
        if (previous == null || previous.indicator == null || previous.sentence != sentence) {
            return null;
        }
        int clauseStart = t.clauseStart(cues, at, sentence.begin());
        String clause = LEADING_PUNCTUATION.matcher(t.slice(clauseStart, at)).replaceAll("");
        String lead = cues.baseShareLeads.longestPrefixOf(clause);
        if (lead == null || clauseStart <= sentence.begin() || previous.end > clauseStart) {
            return null;
        }
        String needs = cues.baseShareLeads.get(lead);
        if (needs != null && !needs.isEmpty() && !clause.contains(needs)) {
            return null;
        }
        return previous.isShare() && previous.listHead != null ? previous.listHead : previous;
    }

    /** A share of what the clause before counts (…，占全市76.1%、全省36.6%), or of the words before 占. */
    private boolean asShare(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, MetricDraft previous) {
        MetricDraft base = shareBase(t, v.begin(), d.sentence, previous);
        if (base != null) {
            // …，占总额的69% / 对全区经济增长的贡献率40.4%: a share of the figure before takes its indicator
            return shareOf(d, base, v);
        }
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
            return shareOf(d, of, v);
        }
        int at = core.lastIndexOf('占');
        if (at > 0 && !core.endsWith("比重") && !core.contains("占比") && !core.startsWith("占率", at)
                && !core.startsWith("市占", at - 1)) {
            int coreStart = t.text.indexOf(core, segStart);
            IndicatorPhrase.Left left = phrases.left(t, coreStart, coreStart + at, v.type(), false);
            if (left.isEmpty()) {
                return false;
            }
            d.rule = SHARE;
            d.indicator = left.text(t);
            d.indicatorBegin = left.sliceBegin();
            d.begin = left.begin;
            d.end = v.end();
            return true;
        }
        return false;
    }

    /** The indicator before the value, after it (value first), or both joined by a kept verb. */
    private boolean asPhrase(LinkText t, LinkText.Placed v, MetricDraft d, int segStart, IndicatorPhrase.Right right,
                             List<MetricDraft> drafts) {
        IndicatorPhrase.Left left = phrases.left(t, segStart, v.begin(), v.type(), !right.isEmpty());
        if (right.structural() || v.type() == RecordType.QUANTITY && cues.structuralNouns.contains(v.mention().value().get("unit"))) {
            return false;
        }
        if (cues.rangeWords.contains(t.slice(segStart, v.begin()).strip())) {
            return false; // 从15.9平方公里的狭小空间，到318平方公里…: the ends of a change told, not figures
        }
        String leftText = left.text(t);
        if (!right.isEmpty() && v.type() == RecordType.QUANTITY && isPopulation(t, d, right)) {
            return false;
        }
        if (right.isEmpty() && v.type() != RecordType.PERCENT && cues.changeCues.contains(leftText)) {
            // 比上年增加63公顷 / 销售收入较上年度减少1.37亿元: an absolute change is a metric of the base's change
            int clauseStart = t.clauseStart(cues, v.begin(), d.sentence.begin());
            int baseEnd = comparisonStart(t, clauseStart, left.begin);
            IndicatorPhrase.Left base = phrases.left(t, clauseStart, baseEnd, v.type(), false);
            MetricDraft named = lastNamed(drafts, d.sentence);
            if (!base.isEmpty()) {
                d.indicator = base.text(t) + leftText;
                d.begin = base.begin;
            } else if (named != null && named.sentence == d.sentence) {
                d.indicator = named.indicator + leftText;
                d.begin = Math.min(named.begin, left.begin);
            } else {
                return false;
            }
            d.rule = INDICATOR_VALUE;
            d.indicatorBegin = -1;
            d.end = v.end();
            return true;
        }
        if (right.isEmpty() && left.ownerOnly && left.droppedVerb != null) {
            MetricDraft named = lastNamed(drafts, d.sentence);
            if (named != null) {
                // 其中沿海主要港口完成24218万吨: the indicator elided, repeated from the figure before
                d.rule = INDICATOR_VALUE;
                d.indicator = named.indicator;
                d.indicatorBegin = -1;
                d.begin = v.begin();
                d.end = v.end();
                return true;
            }
        }
        boolean givenValue = cues.valueFirstVerbs.longestSuffixOf(
                TRAILING_APPROX.matcher(t.slice(segStart, v.begin())).replaceAll("")) != null;
        // a noun running into the next value (133个新开工及续建项目年度投资240亿元) holds that value's indicator
        boolean runsIntoValue = !right.isEmpty() && t.mentionAt(right.end()) != null && LinkText.isValue(t.mentionAt(right.end()));
        if (!right.isEmpty() && (left.isEmpty() || left.ownerOnly && !runsIntoValue || givenValue || left.enumerated || left.modifier || left.end - left.begin == 1
                || !right.afterDe() && !left.endsWithKeptVerb && t.startsWithVerb(d.sentence, left.begin, left.end)
                && !t.startsWithVerb(d.sentence, right.begin(), right.end()))) {
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
            d.indicatorBegin = left.sliceBegin();

            d.begin = left.begin;
            d.end = v.end();
        } else {
            return false;
        }
        return true;
    }

    /** Where a comparison (比上年, 较上年度, 比2023年) ending at {@code end} begins, or {@code end}. */
    private int comparisonStart(LinkText t, int from, int end) {
        String before = t.slice(from, end);
        String basis = cues.basisCues.longestSuffixOf(before);
        if (basis != null) {
            return end - basis.length();
        }
        for (LinkText.Placed m : t.within(from, end, p -> p.type() == RecordType.DATE)) {
            if (m.end() == end && m.begin() > from && "比较与".indexOf(t.text.charAt(m.begin() - 1)) >= 0) {
                return m.begin() - 1;
            }
        }
        return end;
    }

    /** The latest draft of the paragraph with an indicator of its own (not a share), or null. */
    private static MetricDraft lastNamed(List<MetricDraft> drafts, LinkText.Sent sentence) {
        for (int i = drafts.size() - 1; i >= 0; i--) {
            MetricDraft x = drafts.get(i);
            if (x.sentence.sentence().paragraph() != sentence.sentence().paragraph()) {
                return null;
            }
            if (x.indicator != null && !x.isShare() && !BARE_CHANGE.equals(x.rule)) {
                return x;
            }
        }
        return null;
    }

    /**
     * A count that only says how many make up the owner of the figures after it
     * (湖北省20个高新区实现…6742亿元, 10家企业共销售汽车484.40万辆): the clause goes on to
     * another value, with no 分别 pairing values to the counted items.
     */
    private boolean isPopulation(LinkText t, MetricDraft d, IndicatorPhrase.Right right) {
        String noun = right.indicator();
        if (cues.zoneSuffixes.longestSuffixOf(noun) == null && cues.populationNouns.longestSuffixOf(noun) == null) {
            return false;
        }
        int clauseEnd = t.clauseEnd(cues, right.end(), d.sentence.end());
        List<LinkText.Placed> later = t.within(right.end(), clauseEnd, LinkText::isValue);
        if (later.isEmpty()) {
            return false;
        }
        String between = t.slice(right.end(), later.get(0).begin());
        return !between.contains("分别") && !between.startsWith("、") && !between.startsWith("和");
    }

    /** Makes {@code d} a share of {@code base}: its indicator, and a span from the base's indicator to the value. */
    private static boolean shareOf(MetricDraft d, MetricDraft base, LinkText.Placed v) {
        d.rule = SHARE;
        d.listHead = base;
        d.indicator = base.indicator;
        d.indicatorBegin = base.indicatorBegin;
        d.begin = base.indicatorBegin >= 0 ? base.indicatorBegin : base.begin;
        d.end = v.end();
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
