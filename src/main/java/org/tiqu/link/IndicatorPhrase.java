package org.tiqu.link;

import java.util.regex.Pattern;

import org.tiqu.record.RecordType;

/**
 * Finds the indicator words around a value: the phrase before it, with linking verbs,
 * fillers, qualifiers and modality words trimmed off its edges, and the phrase after
 * it when the value comes first (160余家知名企业). Positions are UTF-16 indices.
 */
final class IndicatorPhrase {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** How far into a phrase a zone name may end. */
    private static final int MAX_NAME = 16;
    /** How far into a phrase a company's name may end. */
    private static final int MAX_COMPANY = 24;

    /** The trimmed text before a value. */
    static final class Left {
        int begin;
        int end;
        /** The text before the phrase enumerates names (旺旺、统一等160余家): the indicator is after the value. */
        boolean enumerated;
        /** A linking verb trimmed from the end (已培育6家 → 培育). */
        String droppedVerb;
        /** The phrase ends in a verb that defines what is counted (落地10家). */
        boolean endsWithKeptVerb;
        /** The phrase keeps 完成 as a completion rate (完成年度投资计划的76%). */
        boolean completion;
        /** The words end in 的 with no verb: they modify a noun after the value (地区的350余位嘉宾). */
        boolean modifier;
        /** The indicator when words inside the phrase were dropped (限额以上批发业完成销售额), else null. */
        String words;
        /** The phrase names only an owner (沿海主要港口, 格力电器): the indicator is elided or after the value. */
        boolean ownerOnly;

        boolean isEmpty() {
            return begin >= end;
        }

        /** The indicator words. */
        String text(LinkText t) {
            return words != null ? words : t.slice(begin, end);
        }

        /** Where the indicator starts when it is one slice of the text, else -1. */
        int sliceBegin() {
            return words != null ? -1 : begin;
        }
    }

    /** The phrase after a value; {@code end} includes what the evidence covers (closing quotes). */
    record Right(int begin, int end, String indicator, boolean structural, boolean afterDe) {
        boolean isEmpty() {
            return indicator.isEmpty();
        }
    }

    private final MetricCues cues;

    IndicatorPhrase(MetricCues cues) {
        this.cues = cues;
    }

    /**
     * The indicator words in {@code [from, to)} before a value of {@code type}. Names and
     * dates end the phrase on the left: what precedes them is not the indicator.
     */
    Left left(LinkText t, int from, int to, RecordType type, boolean valueFirst) {
        Left l = new Left();
        int a = from;
        for (LinkText.Placed m : t.within(from, to, p -> p.type() == RecordType.ORG || p.type() == RecordType.DATE
                || p.type() == RecordType.DURATION)) {
            a = Math.max(a, m.end());
        }
        String s = t.text;
        for (String event : cues.eventNouns.entries().keySet()) {
            // an event named in front (本届大会共签约项目) owns the figure like a name: not part of the indicator
            int at = lastIndexOf(s, event, a, to);
            if (at >= 0) {
                a = at + event.length();
            }
        }
        for (int i = to - 1; i >= a; i--) {
            char c = s.charAt(i);
            if (c == '等' || c == '、' && valueFirst || c == '：' || c == ':') {
                l.enumerated = c != '：' && c != ':';
                a = i + 1;
                break;
            }
        }
        int e = to;
        // A linking verb followed by a comparison (均达到济南市平均水平的1.8倍) ends the indicator,
        // unless it states a completion rate (完成年度投资计划的76%), which keeps its verb.
        if (e - a >= 2 && s.charAt(e - 1) == '的') {
            for (int p = a; p < e - 1; p++) {
                int length = cues.linkingVerbs.prefixLength(s, p, e - 1);
                String verb = length == 0 ? null : s.substring(p, p + length);
                if (verb != null && verb.length() >= 2 || "达".equals(verb) && p > a) {
                    if ("完成".equals(verb) && type == RecordType.PERCENT) {
                        l.completion = true;
                        e = e - 1;
                    } else {
                        l.droppedVerb = verb;
                        e = p;
                    }
                    break;
                }
            }
            l.modifier = !l.completion && l.droppedVerb == null;
        }
        boolean changed = true;
        while (changed && a < e) {
            changed = false;
            char last = s.charAt(e - 1);
            int w;
            if (Character.isWhitespace(last) || last == '\u3000') {
                e--;
                changed = true;
            } else if ((w = cues.approxBefore.suffixLength(s, a, e)) > 0 && !l.completion && isWord(t, e, w)
                    || (w = cues.modalityCues.suffixLength(s, a, e)) > 0 && !l.completion
                    || (w = cues.fillers.suffixLength(s, a, e)) > 0 && w < e - a && isWord(t, e, w)) {
                e -= w;
                changed = true;
            } else if (!l.completion && (w = cues.linkingVerbs.suffixLength(s, a, e)) > 0) {
                l.droppedVerb = s.substring(e - w, e);
                e -= w;
                changed = true;
            }
        }
        a = trimStart(t, l, a, e);
        l.begin = a;
        l.end = Math.max(a, e);
        if (!l.isEmpty()) {
            int before = l.begin;
            dropOwner(t, l, type);
            if (l.begin > before && l.words == null) {
                l.begin = trimStart(t, l, l.begin, l.end);
            }
            l.ownerOnly = l.words == null && !l.isEmpty() && isOwner(t, l.begin, l.end);
        }
        if (!l.isEmpty()) {
            l.endsWithKeptVerb = cues.keptVerbs.longestSuffixOf(s.substring(l.begin, l.end)) != null;
            if (l.droppedVerb != null && l.droppedVerb.equals(s.substring(l.begin, l.end))) {
                l.end = l.begin;
            }
        }
        return l;
    }


    /** {@code a} moved past punctuation, fillers, modality words and a leading linking verb. */
    private int trimStart(LinkText t, Left l, int a, int e) {
        String s = t.text;
        boolean changed = true;
        while (changed && a < e) {
            changed = false;
            char c = s.charAt(a);
            int w;
            if (Character.isWhitespace(c) || c == '\u3000' || "，,、的）)”」".indexOf(c) >= 0) {
                a++;
                changed = true;
            } else if ((w = cues.fillers.prefixLength(s, a, e)) > 0 && (w >= 2 || w == 1 && c == '了')
                    || (w = cues.modalityCues.prefixLength(s, a, e)) > 0
                    && cues.modalityInIndicator.prefixLength(s, a, e) == 0
                    || (w = cues.linkingVerbs.prefixLength(s, a, e)) > 0 && w >= 2 && w < e - a
                    && !l.completion) {
                a += w;
                changed = true;
            } else if (t.verbThenLe(a, e)) {
                a = s.indexOf('了', a) + 1; // 铸就了年产…: a verb done before the indicator
                changed = true;
            } else if (cues.fillers.prefixLength(s, a, e) > 0 && t.isOneCharWord(a)) {
                a++; // 共签约项目: a one-character adverb the segmenter splits off
                changed = true;
            } else if (e - a == 1 && cues.fillers.prefixLength(s, a, e) > 0) {
                a++;
                changed = true;
            }
        }
        return a;
    }

    /**
     * Drops the owner and scope from the phrase (全县, 我市, 园区, 宁德时代的, 中国) and the
     * linking verb inside it: 全国主要港口完成货物吞吐量 → 货物吞吐量, but a sector before the
     * verb stays (限额以上批发业完成销售额 → 限额以上批发业销售额). A completion rate keeps 完成.
     */
    private void dropOwner(LinkText t, Left l, RecordType type) {
        String s = t.text;
        l.begin = ownerEnd(t, l.begin, l.end);
        int verbAt = -1;
        String verb = null;
        for (int p = l.end - 1; p > l.begin; p--) {
            int w = cues.innerLinkingVerbs.prefixLength(s, p, l.end);
            if (w > 0 && p + w < l.end) {
                verbAt = p;
                verb = s.substring(p, p + w);
                break;
            }
            if (w == 0 && cues.innerFillers.prefixLength(s, p, l.end) > 0 && t.isOneCharWord(p)
                    && p + 1 < l.end) {
                verbAt = p; // 红色旅游景区共接待游客: 共 before the verb
                verb = s.substring(p, p + 1);
                break;
            }
        }
        if (verbAt < 0) {
            return;
        }
        int tailBegin = verbAt + verb.length();
        boolean completion = "完成".equals(verb) && type == RecordType.PERCENT;
        if (completion) {
            tailBegin = verbAt; // 完成考核目标任务在70%: a completion rate
        }
        int headEnd = verbAt;
        String w;
        while (headEnd > l.begin && ((w = cues.fillers.longestSuffixOf(s.substring(l.begin, headEnd))) != null
                || (w = cues.modalityCues.longestSuffixOf(s.substring(l.begin, headEnd))) != null)) {
            headEnd -= w.length(); // 建成达产后预计可实现年营收 → 建成达产后年营收
        }
        if (headEnd <= l.begin || isOwner(t, l.begin, headEnd)) {
            l.begin = tailBegin;
        } else if (!completion) {
            l.words = s.substring(l.begin, headEnd) + s.substring(tailBegin, l.end);
        }
    }

    /** Where the phrase starts once an owner or scope opening it is dropped. */
    private int ownerEnd(LinkText t, int a, int e) {
        String s = t.text;
        boolean changed = true;
        while (changed && a < e) {
            changed = false;
            int w = cues.scopeWords.prefixLength(s, a, e);
            if (w > 0 && w < e - a) {
                a += w;
                changed = true;
                continue;
            }
            int de = s.indexOf('的', a) - a;
            if (de > 0 && de + 1 < e - a && isOwner(t, a, a + de)) {
                a += de + 1; // 宁德时代的全球动力电池市场份额
                changed = true;
                continue;
            }
            int name = nameEnd(t, a, e);
            if (name > a && name < e) {
                a = name;
                changed = true;
            }
        }
        while (a < e && (s.charAt(a) == '的' || Character.isWhitespace(s.charAt(a)))) {
            a++;
        }
        return a;
    }

    /** The end of a place or zone name opening {@code [a, e)} (中国, 广西北部湾经济区, 南昌县(小蓝经开区)), or {@code a}. */
    private int nameEnd(LinkText t, int a, int e) {
        String s = t.text;
        int end = a;
        LinkText.Sent sentence = t.sentenceAt(a);
        // a place or organisation word, where the clause's words are known already: the linker
        // does not segment a clause only to look for an owner (see README, Performance), nor
        // read its words when no dictionary word starting here is one
        org.tiqu.document.Term word = sentence == null || !t.mayStartWordTagged(sentence, a, e, LinkText.PLACE_OR_ORG) ? null
                : t.segmentedWordAt(sentence, a);
        if (word != null && word.pos() != null && (word.pos().startsWith("ns") || word.pos().startsWith("nt"))) {
            int wordEnd = t.unitIndex(word.span().end());
            if (wordEnd <= e) {
                end = wordEnd;
            }
        }
        int length = e - a;
        // a name ends within MAX_COMPANY (MAX_NAME) of a: no suffix starting further can end it
        for (int i = 1; i < Math.min(length, MAX_COMPANY); i++) {
            int company = cues.companySuffixes.prefixLength(s, a + i, e);
            if (company > 0 && i > 0 && i + company < length && i + company <= MAX_COMPANY) {
                end = Math.max(end, a + i + company); // 港丰基业(北京)投资管理有限公司总投资
                break;
            }
        }
        for (int i = 0; i < Math.min(length, MAX_NAME); i++) {
            int zone = cues.zoneSuffixes.prefixLength(s, a + i, e);
            if (zone > 0 && i + zone < length && i + zone <= MAX_NAME) {
                end = Math.max(end, a + i + zone);
                break;
            }
        }
        if (end > a && end < e && (s.charAt(end) == '(' || s.charAt(end) == '（')) {
            int close = s.indexOf(s.charAt(end) == '(' ? ')' : '）', end);
            if (close > 0 && close + 1 < e) {
                end = close + 1; // 南昌县(小蓝经开区)
            }
        }
        return end;
    }

    /** Whether {@code [a, e)} names an owner: a scope (全国主要港口), a place, a zone, an organisation or 公司. */
    private boolean isOwner(LinkText t, int a, int e) {
        String s = t.text;
        if (cues.scopeWords.prefixLength(s, a, e) > 0 || cues.ownerWords.suffixLength(s, a, e) > 0
                || cues.zoneSuffixes.suffixLength(s, a, e) > 0) {
            return true;
        }
        for (LinkText.Placed m : t.within(a, e, p -> p.type() == RecordType.ORG)) {
            if (m.begin() == a && m.end() == e) {
                return true;
            }
        }
        return nameEnd(t, a, e + 1) == e;
    }

    /** The noun phrase after a value, up to the clause's end, a list comma, 的, a mention or a predicate. */
    Right right(LinkText t, int from, int limit) {
        String s = t.text;
        int a = from;
        for (String after : new String[] {"以上", "左右", "以下", "多"}) {
            if (s.startsWith(after, a)) {
                a += after.length();
                break;
            }
        }
        boolean afterDe = a < limit && s.charAt(a) == '的';
        if (afterDe) {
            a++;
        }
        // a linking verb ends the noun when another value follows it in the clause
        // (12个重点项目完成年度投资计划的41.5%), and belongs to it when none does (77个项目实现新纳统入库)
        boolean valueFollows = !t.within(a, limit, LinkText::isValue).isEmpty();
        int e = a;
        while (e < limit) {
            if (valueFollows && e > a && cues.linkingVerbs.prefixLength(s, e, limit) >= 2) {
                break;
            }
            char c = s.charAt(e);
            if (c == '的' && (e + 1 >= limit || s.charAt(e + 1) == '“' || startsMention(t, e + 1))) {
                break;
            }
            if (Character.isWhitespace(c) || c == '\u3000') {
                int after = e;
                while (after < limit && (Character.isWhitespace(s.charAt(after)) || s.charAt(after) == '\u3000')) {
                    after++;
                }
                if (after < limit && s.substring(e, after).indexOf('\n') >= 0 && !cues.isClauseBreak(s.charAt(after))) {
                    e = after; // a line break inside a word (省级重\n\n点建设项目)
                    continue;
                }
                break;
            }
            if (closesUnopened(s, a, e)) {
                break; // 引进项目30个”的目标: the value ends a quotation, what follows is outside it
            }
            if (cues.isClauseBreak(c) || c == '、' || c == '等'
                    || startsMention(t, e) || e > a && cues.predicateStarts.prefixLength(s, e, limit) > 0
                    || cues.basisCues.prefixLength(s, e, limit) > 0) {
                break;
            }
            e++;
        }
        while (e > a && "和及与的".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        String phrase = s.substring(a, e);
        boolean structural = cues.structuralNouns.longestPrefixOf(phrase) != null;
        String indicator = SPACES.matcher(phrase).replaceAll("");
        if (phrase.length() > 2 && phrase.startsWith("“") && phrase.endsWith("”") && phrase.indexOf('“', 1) < 0) {
            indicator = phrase.substring(1, phrase.length() - 1);
        }
        return new Right(a, e, indicator, structural, afterDe);
    }

    /**
     * Whether a cue of {@code length} units, ending at {@code end}, stands as a word: a one-character cue must be
     * a word of its own for the segmenter (约 of 约5亿元, not of 签约).
     */
    private static boolean isWord(LinkText t, int end, int length) {
        return length > 1 || t.isOneCharWord(end - 1);
    }

    /** Whether {@code s[e]} closes a quotation or bracket that {@code s[a, e)} did not open. */
    private static boolean closesUnopened(String s, int a, int e) {
        int open = switch (s.charAt(e)) {
            case '”' -> '“';
            case '’' -> '‘';
            case '」' -> '「';
            case '』' -> '『';
            case '）' -> '（';
            case ')' -> '(';
            default -> -1;
        };
        if (open < 0) {
            return false;
        }
        for (int i = e - 1; i >= a; i--) { // within the phrase only: a long line stays linear
            if (s.charAt(i) == open) {
                return false;
            }
        }
        return true;
    }

    /** Where the last {@code word} lying inside {@code s[from, to)} begins, or -1: no search outside the range. */
    private static int lastIndexOf(String s, String word, int from, int to) {
        for (int i = to - word.length(); i >= from; i--) {
            if (s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /** A value or date starts at {@code at}; a name may sit inside a noun (两个国家区域医疗中心). */
    private static boolean startsMention(LinkText t, int at) {
        LinkText.Placed m = t.mentionAt(at);
        return m != null && m.type() != RecordType.ORG;
    }
}
