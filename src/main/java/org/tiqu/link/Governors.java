package org.tiqu.link;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
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
    /** A month or a day: 2024-09, XXXX-12-10. */
    private static final Pattern POINT = Pattern.compile("(\\d{4}|XXXX)-(\\d{2})(-\\d{2})?");
    /** A range inside one year: 2024-01/2024-09, XXXX-Q1/XXXX-Q3. */
    private static final Pattern WITHIN_YEAR = Pattern.compile("(\\d{4}|XXXX)-[^/]+/\\1-.+");
    private static final Pattern DAY = Pattern.compile("(\\d{4}|XXXX)-(\\d{2}|XX)-\\d{2}");
    /** A numbered heading: 一、 (二) （三）. */
    private static final Pattern NUMBERED = Pattern.compile("[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]");
    /** How long a sentence heading a paragraph may be. */
    private static final int HEADING_LENGTH = 20;
    /** Up to two characters between an event noun and a reporting verb (会议上提出). */
    private static final Pattern SHORT_LEAD = Pattern.compile("^[^，,]{0,2}");

    private final MetricCues cues;

    Governors(MetricCues cues) {
        this.cues = cues;
    }

    void govern(LinkText t, MetricDraft d) {
        d.modality = modality(t, d);
        if (d.period == null) {
            d.period = period(t, d);
            if ("target".equals(d.modality) && d.period != null) {
                // a target is set for the year (完成…目标任务的77.69%: the year's target, not the months so far)
                Matcher m = WITHIN_YEAR.matcher(d.period);
                if (m.matches()) {
                    d.period = m.group(1);
                }
            }
        }
    }

    private String period(LinkText t, MetricDraft d) {
        LinkText.Placed date = periodDate(t, d);
        if (date == null) {
            return null;
        }
        d.periodEvidenceBegin = date.begin();
        d.periodEvidenceEnd = date.end();
        return cumulative(t, d, date);
    }

    /**
     * The DATE that gives a metric its period: the date in its clause, else the last date
     * before it in its sentence (read to 。: pieces split at ； and a list introduced by a
     * colon belong to it), else the date that opens its paragraph, else an event's edition.
     */
    private LinkText.Placed periodDate(LinkText t, MetricDraft d) {
        LinkText.Sent s = d.sentence;
        int clauseStart = t.clauseStart(cues, d.value.begin(), s.begin());
        int clauseEnd = t.clauseEnd(cues, d.value.end(), s.end());
        List<LinkText.Placed> inClause = t.within(clauseStart, clauseEnd, p -> isPeriod(t, p));
        LinkText.Placed before = null;
        LinkText.Placed after = null;
        for (LinkText.Placed p : inClause) {
            if (p.end() <= d.value.begin()) {
                before = p;
            } else if (after == null && p.begin() >= d.value.end() && t.slice(d.value.end(), p.begin()).indexOf('\n') < 0) {
                after = p;
            }
        }
        if (before != null || after != null) {
            return before != null ? before : after;
        }
        LinkText.Sent first = t.fullSentenceStart(s);
        int sentenceFrom = Math.max(first.begin(), d.value.begin() - LinkText.MAX_SENTENCE_REACH);
        List<LinkText.Placed> inSentence = t.within(sentenceFrom, d.value.begin(), p -> isPeriod(t, p));
        // 目前正按照“到2025年…”的目标: a date written after the present word dates what follows it,
        // unless it stands in brackets closed before the figure (目前…(2009年上半年为…)，…400亿元)
        int presentFrom = sentenceFrom;
        for (LinkText.Placed p : inSentence) {
            if (!closesBracket(t.slice(p.end(), d.value.begin()))) {
                presentFrom = Math.max(presentFrom, p.end());
            }
        }
        if (isPresent(t, presentFrom, d.value.begin())) {
            return null; // 目前…: a state now, whatever the paragraph is dated
        }
        List<LinkText.Placed> inPiece = t.within(t.reachBack(s, d.value.begin()), d.value.begin(), p -> isPeriod(t, p));
        if (!inPiece.isEmpty()) {
            return inPiece.get(inPiece.size() - 1);
        }
        LinkText.Placed year = yearOpener(t, s);
        if (year != null) {
            return year;
        }
        if (!inSentence.isEmpty()) {
            return inSentence.get(inSentence.size() - 1);
        }
        LinkText.Placed opener = paragraphOpener(t, first);
        if (opener != null) {
            return opener;
        }
        if (isSaid(t, cues.sameDayWords, sentenceFrom, d.value.begin())) {
            LinkText.Placed day = lastDayBefore(t, first);
            if (day != null) {
                return day; // 当天签订的…: the day named before
            }
        }
        LinkText.Placed edition = eventEdition(t, s, d.value.begin());
        return edition != null || first == s ? edition : eventEdition(t, first, first.end());
    }

    /** Whether {@code between} closes a bracket it did not open. */
    private static boolean closesBracket(String between) {
        int depth = 0;
        for (int i = 0; i < between.length(); i++) {
            char c = between.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if (c == ')' || c == '）') {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
        }
        return false;
    }

    /** The last date naming a day in the sentences before {@code s}, or null. */
    private static LinkText.Placed lastDayBefore(LinkText t, LinkText.Sent s) {
        int here = t.indexOf(s);
        int from = t.sentences.get(Math.max(0, here - TOPIC_REACH)).begin();
        List<LinkText.Placed> dates = t.within(from, s.begin(), p -> p.type() == RecordType.DATE
                && DAY.matcher(String.valueOf(p.mention().value().get("timex"))).matches());
        return dates.isEmpty() ? null : dates.get(dates.size() - 1);
    }

    /** A word that dates what follows to now (目前) between {@code from} and {@code at}. */
    private boolean isPresent(LinkText t, int from, int at) {
        return isSaid(t, cues.presentWords, from, at);
    }

    /** A word of {@code lexicon} stands between {@code from} and {@code at}. */
    private static boolean isSaid(LinkText t, org.tiqu.rules.Lexicon lexicon, int from, int at) {
        Map.Entry<Integer, String> e = wordsAt(t, lexicon).ceilingEntry(from);
        return e != null && e.getKey() + e.getValue().length() <= at;
    }

    /** The year that opens the latest earlier sentence of the paragraph opening with a year (2024年，…). */
    private LinkText.Placed yearOpener(LinkText t, LinkText.Sent s) {
        int paragraph = s.sentence().paragraph();
        int here = t.indexOf(s);
        for (int i = here - 1; i >= Math.max(0, here - TOPIC_REACH); i--) {
            LinkText.Sent prev = t.sentences.get(i);
            if (prev.sentence().paragraph() != paragraph) {
                return null;
            }
            LinkText.Placed opener = opener(t, prev);
            if (opener != null && YEAR.matcher(String.valueOf(opener.mention().value().get("timex"))).matches()) {
                return opener;
            }
        }
        return null;
    }

    /**
     * The period a date gives a figure: a flow counted up to a point (截至9月末, 1-9月累计,
     * 4月…累计完成) covers the year to that point; a stock (余额, 存栏) keeps the point.
     */
    private String cumulative(LinkText t, MetricDraft d, LinkText.Placed date) {
        String timex = String.valueOf(date.mention().value().get("timex"));
        String dateText = date.mention().text();
        LinkText.Placed upTo = date;
        if (cues.sinceWords.longestSuffixOf(dateText) != null
                || cues.sinceWords.longestPrefixOf(t.slice(date.end(), Math.min(t.text.length(), date.end() + 2))) != null) {
            // 截至12月10日，今年以来…: the year so far, up to the point named before
            List<LinkText.Placed> earlier = t.within(t.fullSentenceStart(d.sentence).begin(), date.begin(),
                    p -> p.type() == RecordType.DATE);
            if (earlier.isEmpty() || !isUpTo(t, earlier.get(earlier.size() - 1))) {
                return timex;
            }
            upTo = earlier.get(earlier.size() - 1);
            d.periodEvidenceBegin = upTo.begin();
            timex = String.valueOf(upTo.mention().value().get("timex"));
            dateText = upTo.mention().text();
        } else {
            int clauseStart = t.clauseStart(cues, d.value.begin(), d.sentence.begin());
            boolean counted = isUpTo(t, date)
                    || t.slice(clauseStart, d.value.begin()).contains("累计") && date.end() <= d.value.begin();
            if (!counted) {
                return timex;
            }
        }
        if (d.indicator != null && cues.stockWords.entries().keySet().stream().anyMatch(d.indicator::contains)) {
            return timex;
        }
        Matcher m = POINT.matcher(timex);
        if (!m.matches()) {
            return timex;
        }
        String year = m.group(1);
        String month = m.group(2);
        if (m.group(3) == null || cues.periodEndWords.longestSuffixOf(dateText) != null) {
            return "01".equals(month) ? year + "-01" : year + "-01/" + year + "-" + month;
        }
        return year + "-01-01/" + timex;
    }

    /** A date written after 截至/截止: the end of what was counted up to it. */
    private boolean isUpTo(LinkText t, LinkText.Placed date) {
        int from = Math.max(0, date.begin() - cues.upToWords.longestWord());
        return cues.upToWords.longestSuffixOf(t.slice(from, date.begin())) != null;
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
        return cues.comparisonBefore.longestSuffixOf(t.slice(from, date.begin())) == null;
    }

    /**
     * The DATE that governs sentence {@code s} (its first piece) from earlier in its paragraph:
     * the year that opens the latest sentence opening with a year (2024年，…), or whatever
     * date opens the paragraph (after a heading sentence: 一、农业生产形势良好。前三季度，…).
     * A narrower opener (一季度…) governs only its own sentence.
     */
    private LinkText.Placed paragraphOpener(LinkText t, LinkText.Sent s) {
        int paragraph = s.sentence().paragraph();
        int here = t.indexOf(s);
        for (int i = here - 1; i >= Math.max(-1, here - TOPIC_REACH); i--) {
            LinkText.Sent prev = i >= 0 ? t.sentences.get(i) : null;
            if (prev == null || prev.sentence().paragraph() != paragraph) {
                LinkText.Sent first = t.sentences.get(i + 1);
                if (prev == null || !t.opensWith(cues.continuing, first)) {
                    LinkText.Placed opener = opener(t, first);
                    if (opener == null && i + 2 <= here && isHeading(t, first)) {
                        opener = opener(t, t.sentences.get(i + 2));
                    }
                    return opener;
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

    /** A short sentence with no figure and no date that heads a paragraph (一、农业生产形势良好。). */
    private static boolean isHeading(LinkText t, LinkText.Sent s) {
        return s.end() - s.begin() <= HEADING_LENGTH && NUMBERED.matcher(t.slice(s.begin(), s.end()).strip()).lookingAt()
                && t.within(s.begin(), s.end(), p -> p.type() != RecordType.ORG).isEmpty();
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
                && t.opensWith(cues.subsetConnectives, s)) {
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

    /**
     * The DATE a sentence opens with, or null: its first date near the start, with at most
     * one character or an opening word (截至, 在) before it, or standing as a clause of its
     * own (货物吞吐量继续增长5月份，全国…; 根据…结果，2024年前三季度…).
     */
    private LinkText.Placed opener(LinkText t, LinkText.Sent s) {
        return t.dateOpeners.computeIfAbsent(s.begin(), k -> java.util.Optional.ofNullable(openingDate(t, s))).orElse(null);
    }

    /** {@link #opener}, found once per sentence. */
    private LinkText.Placed openingDate(LinkText t, LinkText.Sent s) {
        List<LinkText.Placed> dates = t.within(s.begin(), Math.min(s.end(), s.begin() + OPENER_REACH),
                p -> p.type() == RecordType.DATE);
        if (dates.isEmpty() || !isPeriod(t, dates.get(0))) {
            return null;
        }
        LinkText.Placed first = dates.get(0);
        String lead = t.slice(s.begin(), first.begin()).strip();
        String word = cues.openingWords.longestSuffixOf(lead);
        if (word != null) {
            lead = lead.substring(0, lead.length() - word.length());
        }
        boolean opensLine = t.slice(s.begin(), first.begin()).indexOf('\n') >= 0;
        if (lead.length() <= 1 || cues.datelineMarks.longestSuffixOf(lead) != null || opensLine) {
            return first; // 松花江网讯 9月2日…; a date opening a line the sentence runs on to
        }
        if (!t.within(s.begin(), first.begin(), LinkText::isValue).isEmpty()) {
            return null;
        }
        int after = first.end();
        return cues.isClauseBreak(lead.charAt(lead.length() - 1))
                || after < s.end() && cues.isClauseBreak(t.text.charAt(after)) && t.text.charAt(after) != '：' ? first : null;
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
        if (d.indicator != null && MetricLinker.VALUE_INDICATOR.equals(d.rule) && d.indicatorBegin >= 0) {
            for (Map.Entry<String, String> cue : cues.modalityCues.entries().entrySet()) {
                int at = d.indicator.indexOf(cue.getKey());
                if (at >= 0 && "target".equals(cue.getValue()) && !insideIndicatorWord(d.indicator, at)) {
                    return cue.getValue(); // 19500万美元目标任务
                }
            }
        }
        String frame = frame(t, d);
        if (frame != null) {
            return frame;
        }
        for (LinkText.Placed date : t.within(t.reachBack(d.sentence, d.value.begin()), d.value.begin(), p -> p.type() == RecordType.DATE)) {
            if (date.begin() > 0 && t.text.charAt(date.begin() - 1) == '到') {
                return "target";
            }
        }
        return "actual";
    }

    /**
     * The modality a frame gives: a frame earlier in the sentence (建成达产后…，可解决200人就业;
     * 计划投资…建设酒店，占地面积…), or a frame introducing a list in the paragraph
     * (主要预期目标：…). Null when none does. Frames are found once per document.
     */
    private String frame(LinkText t, MetricDraft d) {
        int reach = d.value.begin() - LinkText.MAX_SENTENCE_REACH;
        int sentenceStart = t.fullSentenceStart(d.sentence).begin();
        int paragraphStart = sentenceStart;
        int i = t.indexOf(t.fullSentenceStart(d.sentence));
        while (i > 0 && t.sentences.get(i - 1).sentence().paragraph() == d.sentence.sentence().paragraph()
                && t.sentences.get(i - 1).end() > reach) {
            i--;
            paragraphStart = t.sentences.get(i).begin();
        }
        paragraphStart = Math.max(paragraphStart, reach);
        TreeMap<Integer, String> frames = wordsAt(t, cues.modalityFrames);
        for (Map.Entry<Integer, String> e = frames.lowerEntry(d.value.begin()); e != null && e.getKey() >= paragraphStart;
                e = frames.lowerEntry(e.getKey())) {
            int at = e.getKey();
            String word = e.getValue();
            if (at + word.length() > d.value.begin()) {
                continue;
            }
            String after = t.slice(at + word.length(), Math.min(d.value.begin(), at + word.length() + 2));
            boolean introducesList = after.startsWith("：") || after.startsWith(":") || after.startsWith("是：");
            if ((at >= sentenceStart || introducesList) && !insideIndicatorWordAt(t, at)) {
                return cues.modalityFrames.get(word);
            }
        }
        return null;
    }

    /** Where the words of {@code lexicon} stand in the text (longest word at a place), found once per document. */
    private static TreeMap<Integer, String> wordsAt(LinkText t, org.tiqu.rules.Lexicon lexicon) {
        return t.wordPositions.computeIfAbsent(lexicon.name(), k -> {
            TreeMap<Integer, String> at = new TreeMap<>();
            for (String word : lexicon.entries().keySet()) {
                for (int i = t.text.indexOf(word); i >= 0; i = t.text.indexOf(word, i + 1)) {
                    String there = at.get(i);
                    if (there == null || there.length() < word.length()) {
                        at.put(i, word);
                    }
                }
            }
            return at;
        });
    }

    /** Whether the cue at {@code at} lies inside a word holding it as part of an indicator (年度计划投资). */
    private boolean insideIndicatorWordAt(LinkText t, int at) {
        for (String word : cues.modalityInIndicator.entries().keySet()) {
            int from = Math.max(0, at - word.length() + 1);
            int i = t.text.indexOf(word, from);
            if (i >= 0 && i <= at) {
                return true;
            }
        }
        return false;
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
