package org.tiqu.link;

import java.util.Optional;

import org.tiqu.link.DocumentOwners.Kind;
import org.tiqu.link.DocumentOwners.Owner;
import org.tiqu.record.RecordType;
import org.tiqu.rules.RuleFile;

/**
 * The subject of a metric: the zone, area, company or project its figure belongs to, and the
 * words that gave it (the draft's subject evidence). In order:
 * <ol>
 * <li>a project the figure builds, named after it (总投资66亿元建设的…项目);</li>
 * <li>the last owner named before the figure in its sentence — one right before the value
 * owns it (伊宁市35平方公里); a self-reference (全县, 公司) stands for the area or company the
 * document names, and for nothing when it never names one (全市 in a city's bulletin that
 * never says which city); partners, list items, titles, reporters and names inside an
 * event's name own nothing;</li>
 * <li>none for the figures of an event (本届大会共签约…);</li>
 * <li>after 其中, the owner of the sentence before;</li>
 * <li>the owner of the figure before it in its paragraph;</li>
 * <li>the owner that opened an earlier sentence: a zone or aggregate carries on, a place or
 * company only within its paragraph (●比亚迪 …);</li>
 * <li>the document's owner: the area it refers to itself by, else the owner it names most.</li>
 * </ol>
 * Every name takes the longest form the document gives it (海沧保税港区 → 厦门海沧保税港区).
 */
final class SubjectResolver {

    /** How many sentences back an opening owner is looked for. */
    private static final int TOPIC_REACH = 30;
    /** How far into a sentence a name still opens it. */
    private static final int OPENER_REACH = 60;
    /** How far after an owner an event noun makes it part of the event's name. */
    private static final int EVENT_NAME_REACH = 14;
    private static final int PROJECT_REACH = 40;
    private static final java.util.regex.Pattern SHORT_LEAD = java.util.regex.Pattern.compile("^[^，,]{0,2}");

    private final MetricCues mc;
    private final SubjectCues c;

    SubjectResolver(MetricCues mc, RuleFile rules) {
        this.mc = mc;
        this.c = new SubjectCues(rules, mc);
    }

    /** Sets the subject of {@code d} and its evidence. */
    void resolve(LinkText t, MetricDraft d) {
        if (t.owners == null) {
            t.owners = new DocumentOwners(t, mc, c);
        }
        DocumentOwners owners = t.owners;
        Found found = project(t, d);
        if (found == null) {
            found = inSentence(t, owners, d.sentence, d.value.begin(), d.value.end(), true);
        }
        int paragraph = d.sentence.sentence().paragraph();
        if (found == null && owners.previous != null && owners.previousParagraph == paragraph) {
            found = (Found) owners.previous; // a figure with no owner of its own continues the one before it
        }
        if (found == null) {
            Owner topic = topic(t, owners, d.sentence);
            found = topic == null ? null : fromOwner(owners, topic);
        }
        if (found != null && found.name != null) {
            owners.previous = found;
            owners.previousParagraph = paragraph;
        }
        if (found == null && owners.documentOwner() != null) {
            found = fromOwner(owners, owners.documentOwner());
        }
        d.subject = found == null ? null : found.name;
        d.subjectEvidenceBegin = found == null || found.name == null ? -1 : found.begin;
        d.subjectEvidenceEnd = found == null || found.name == null ? -1 : found.end;
    }

    /** A subject with the UTF-16 span that gave it; a null name is a decided null. */
    private record Found(String name, int begin, int end) {
    }

    private static final Found NONE = new Found(null, -1, -1);

    private Found inSentence(LinkText t, DocumentOwners owners, LinkText.Sent s, int at, int valueEnd, boolean mayLookBack) {
        int from = t.reachBack(s, at);
        Owner owner = null;
        for (int i = owners.firstFrom(from); i < owners.owners.size() && owners.owners.get(i).begin() < at; i++) {
            Owner o = owners.owners.get(i);
            if (o.end() > at) {
                continue;
            }
            if (o.kind() != Kind.SELF && isBlank(t.text, o.end(), at)) {
                owner = o; // 伊宁市35平方公里: the name right before the value
                continue;
            }
            if (ownsHere(t, owners, o, s, at)) {
                owner = o;
            }
        }
        if (owner != null) {
            return fromOwner(owners, owner);
        }
        String lead = t.slice(from, at);
        if (isAboutEvent(lead)) {
            return NONE;
        }
        int here = t.indexOf(s);
        if (mayLookBack && here > 0 && t.opensWith(mc.subsetConnectives, s)) {
            LinkText.Sent before = t.sentences.get(here - 1);
            Found f = inSentence(t, owners, before, before.end(), before.end(), false);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** Whether only whitespace stands in {@code text[from, to)}, as {@code String.isBlank} tells. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Found fromOwner(DocumentOwners owners, Owner o) {
        if (o.kind() == Kind.SELF) {
            Owner area = owners.area(o.level());
            return area == null ? NONE : new Found(owners.canonical(area), area.begin(), area.end());
        }
        String name = owners.canonical(o);
        if (c.genericZoneWords.contains(name)) {
            return NONE; // 高新区 with no name the document gives it: like 全区
        }
        return new Found(name, o.begin(), o.end());
    }

    /** Whether {@code o}, before a figure at {@code at} in sentence {@code s}, owns it. */
    private boolean ownsHere(LinkText t, DocumentOwners owners, Owner o, LinkText.Sent s, int at) {
        if (o.areaOnly() || !owners.mayOwn(o) || namesEvent(t, o, s)) {
            return false;
        }
        int clauseStart = t.clauseStart(mc, o.begin(), s.begin());
        boolean opensClause = owners.opens(clauseStart, o.begin());
        if (o.kind() != Kind.ORG && o.kind() != Kind.COMPANY) {
            return opensClause; // a place or zone inside a clause is a scope or an object (达到济南市平均水平)
        }
        int clauseEnd = Math.min(at, t.clauseEnd(mc, o.end(), s.end()));
        if (o.kind() == Kind.ORG) {
            if (o.after() < clauseEnd && t.slice(o.after(), clauseEnd).contains("等")) {
                return false;
            }
            LinkText.Placed following = t.mentionAt(o.after());
            if (following != null && following.type() == RecordType.ORG) {
                return false;
            }
        }
        String pos = t.posOfWordFrom(s, o.after());
        boolean nounAfter = pos != null && pos.startsWith("n") && o.after() < at;
        if (!nounAfter) {
            return true;
        }
        // a name before a noun is a modifier (沙赫纳新能源物流车出口项目) unless it opens its clause as an owner's name
        return opensClause && (o.kind() != Kind.ORG || c.ownerSuffixes.longestSuffixOf(o.name()) != null);
    }

    /** A name followed closely by an event noun in its clause names the event (四川省第十一届人大第二次会议). */
    private boolean namesEvent(LinkText t, Owner o, LinkText.Sent s) {
        int clauseEnd = t.clauseEnd(mc, o.end(), s.end());
        String rest = t.slice(o.end(), Math.min(clauseEnd, o.end() + EVENT_NAME_REACH));
        for (String event : c.eventNouns.entries().keySet()) {
            int at = rest.indexOf(event);
            if (at >= 0 && !rest.substring(0, at).contains("在")) {
                return true;
            }
        }
        return false;
    }

    /** The words before a figure make an event its owner (本届大会共签约…), not a report about it (会议提出…). */
    private boolean isAboutEvent(String lead) {
        for (String event : c.eventNouns.entries().keySet()) {
            int at = lead.indexOf(event);
            if (at >= 0) {
                String after = lead.substring(at + event.length());
                return mc.reportingVerbs.longestPrefixOf(after) == null
                        && mc.reportingVerbs.longestPrefixOf(SHORT_LEAD.matcher(after).replaceFirst("")) == null;
            }
        }
        return false;
    }

    /**
     * The owner that opens the latest earlier sentence opening with one: a zone or aggregate
     * carries on; a place, company or organisation only within its paragraph.
     */
    private Owner topic(LinkText t, DocumentOwners owners, LinkText.Sent s) {
        int here = t.indexOf(s);
        int paragraph = s.sentence().paragraph();
        for (int i = here - 1; i >= Math.max(0, here - TOPIC_REACH); i--) {
            LinkText.Sent prev = t.sentences.get(i);
            Owner opener = owners.openers.computeIfAbsent(i, k -> Optional.ofNullable(opener(t, owners, prev))).orElse(null);
            if (opener == null) {
                continue;
            }
            boolean carries = opener.isZoneLike();
            if (carries || prev.sentence().paragraph() == paragraph) {
                return opener;
            }
        }
        return null;
    }

    /** The owner a sentence opens with: only dates, marks and a connective before it. */
    private Owner opener(LinkText t, DocumentOwners owners, LinkText.Sent s) {
        int until = Math.min(s.end(), s.begin() + OPENER_REACH);
        for (int i = owners.firstFrom(s.begin()); i < owners.owners.size(); i++) {
            Owner o = owners.owners.get(i);
            if (o.begin() >= until) {
                break;
            }
            if (!t.within(s.begin(), o.begin(), LinkText::isValue).isEmpty() || !owners.opens(s.begin(), o.begin())) {
                return null;
            }
            if (o.areaOnly() || !owners.mayOwn(o)) {
                continue;
            }
            Owner inner = o;
            for (int j = owners.firstFrom(inner.end()); j < owners.owners.size(); j = owners.firstFrom(inner.end())) {
                Owner next = owners.owners.get(j);
                if (next.begin() != inner.end() || next.kind() != Kind.PLACE || inner.kind() != Kind.PLACE) {
                    break;
                }
                inner = next; // 哈尔滨市呼兰区: the place inside the one before
            }
            return inner;
        }
        return null;
    }

    /** The project a figure builds, named right after it: 总投资66亿元建设的北京国巨大健康产业基地项目. */
    private Found project(LinkText t, MetricDraft d) {
        int at = d.value.end();
        String after = t.slice(at, Math.min(t.text.length(), at + PROJECT_REACH));
        String cue = c.projectAfterValue.longestPrefixOf(after);
        if (cue == null) {
            return null;
        }
        int begin = at + cue.length();
        int clauseEnd = t.clauseEnd(mc, begin, d.sentence.end());
        String clause = t.slice(begin, clauseEnd);
        for (String head : c.projectHeads.entries().keySet()) {
            int h = clause.indexOf(head);
            if (h > 0) {
                return new Found(clause.substring(0, h + head.length()), begin, begin + h + head.length());
            }
        }
        return null;
    }
}
