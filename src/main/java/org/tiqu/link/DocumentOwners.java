package org.tiqu.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tiqu.document.Term;
import org.tiqu.record.RecordType;

/**
 * The names in a document that can own its figures, found once per document: organisations
 * the ORG step found (authorities, media and tagger debris left out), places of HanLP's
 * dictionary with an administrative suffix (平利县, 四川省) or a country (中国), places named
 * through their authority (肇州县委 → 肇州县), zones and aggregates of zones as written
 * (广西北部湾经济区, 湖北省20个高新区 → 湖北省高新区, 全国主要港口), companies the text
 * introduces (a stock code 中船股份(600072), an alias 以下简称“金桥公司”, a company publishing
 * its report, a heading ●比亚迪) with every later use of their names, projects that open a
 * clause, and the words by which the report refers back to its area or company (全县, 公司).
 *
 * <p>It also knows the document's own area at each level (全县 → the county the text names)
 * and the longest form a zone is given (海沧保税港区 → 厦门海沧保税港区).
 */
final class DocumentOwners {

    enum Kind { ORG, PLACE, ZONE, AGGREGATE, COMPANY, SELF }

    /**
     * A name in the text: {@code name} as the subject would give it before the longest form is
     * taken, UTF-16 {@code [begin, end)} the words that give it, {@code after} where its
     * following context starts (past an alias definition), {@code level} the area level of a
     * place or self-reference (县, 市, company), {@code areaOnly} for a place only named through
     * its authority, which names the area but owns no figure itself.
     */
    record Owner(String name, int begin, int end, int after, Kind kind, String level, boolean areaOnly) {
        boolean isZoneLike() {
            return kind == Kind.ZONE || kind == Kind.AGGREGATE;
        }
    }

    private static final int NAME_REACH = 12;
    private static final int ALIAS_REACH = 30;
    private static final int MIN_PLACE = 3;
    private static final int MAX_PLACE = 5;
    private static final String COMPANY = "company";

    final List<Owner> owners;
    /** The area the document names at each level (县 → 平利县); absent when never named. */
    private final Map<String, Owner> areas = new HashMap<>();
    private final Map<String, String> longestForm = new HashMap<>();
    /** The level the document refers to itself by (全县 → 县), or null. */
    final String selfLevel;
    /** The owner of figures nothing else claims: the named self area, else the most named owner. */
    private Owner documentOwner;
    private boolean documentOwnerKnown;
    private int selfCount;
    private int namedCount;

    /** The subject of the last figure resolved, and its paragraph: figures after it with no owner continue it. */
    Object previous;
    /** The owner each sentence opens with, by sentence index, once asked (empty for none). */
    final Map<Integer, java.util.Optional<Owner>> openers = new HashMap<>();
    int previousParagraph = -1;

    private final LinkText t;
    private final MetricCues mc;
    private final SubjectCues c;

    DocumentOwners(LinkText t, MetricCues mc, SubjectCues c) {
        this.t = t;
        this.mc = mc;
        this.c = c;
        List<Owner> found = new ArrayList<>();
        List<LinkText.Placed> orgs = new ArrayList<>();
        for (LinkText.Placed p : t.mentions) {
            if (p.type() == RecordType.ORG) {
                orgs.add(p);
            }
        }
        List<LinkText.Placed> acceptedOrgs = new ArrayList<>();
        findStops();
        organisations(orgs, found, acceptedOrgs);
        places(orgs, found);
        zones(acceptedOrgs, found);
        laterUses(found);
        companies(found);
        selfReferences(found);
        found.sort(Comparator.comparingInt(Owner::begin).thenComparingInt(o -> -o.end()));
        List<Owner> unique = new ArrayList<>();
        int keptEnd = -1;
        for (Owner o : found) {
            if (o.begin() >= keptEnd) {
                unique.add(o); // of overlapping names the one starting first (and longest) stays
                keptEnd = o.end();
            }
        }
        this.owners = List.copyOf(unique);
        longestForms();
        areasByLevel();
        this.selfLevel = dominantSelfLevel();
        // a county's bulletin says 全县 more often than it names anything; a zone's report names
        // the zone more often than it says 本市
    }

    /** The owner of figures nothing else claims, found when first needed. */
    Owner documentOwner() {
        if (!documentOwnerKnown) {
            Owner named = mostNamed();
            documentOwner = selfLevel != null && selfCount >= namedCount ? areas.get(selfLevel) : named;
            documentOwnerKnown = true;
        }
        return documentOwner;
    }

    /** Where the scans below look, in text order: each scan's characters (see {@link SubjectCues#charClasses}). */
    private Positions placeEnds;
    private Positions zoneEnds;
    private Positions selfStarts;
    private Positions openParens;

    /** Positions in text order. */
    private static final class Positions {
        int[] at = new int[8];
        int size;

        void add(int i) {
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, size * 2);
            }
            at[size++] = i;
        }
    }

    private void findStops() {
        placeEnds = new Positions();
        zoneEnds = new Positions();
        selfStarts = new Positions();
        openParens = new Positions();
        byte[] classes = c.charClasses;
        char[] chars = t.text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            byte f = classes[chars[i]];
            if (f != 0) {
                if ((f & SubjectCues.PLACE_END) != 0) {
                    placeEnds.add(i);
                }
                if ((f & SubjectCues.ZONE_END) != 0) {
                    zoneEnds.add(i);
                }
                if ((f & SubjectCues.SELF_START) != 0) {
                    selfStarts.add(i);
                }
                if ((f & SubjectCues.OPEN_PAREN) != 0) {
                    openParens.add(i);
                }
            }
        }
    }

    /** Index of the first owner beginning at or after {@code at}. */
    int firstFrom(int at) {
        int lo = 0;
        int hi = owners.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (owners.get(mid).begin() < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The name a subject takes for {@code o}: the longest form the document gives it. */
    String canonical(Owner o) {
        String name = o.name();
        for (int step = 0; step < 5 && longestForm.containsKey(name); step++) {
            name = longestForm.get(name); // 园区 → 重点园区 → 海南自贸港重点园区
        }
        return name;
    }

    /** The area or company a self-reference of {@code level} stands for, or null when the text never names it. */
    Owner area(String level) {
        if (COMPANY.equals(level)) {
            return areas.get(COMPANY);
        }
        return areas.get(level);
    }

    // ---- finding the names ----

    private void organisations(List<LinkText.Placed> orgs, List<Owner> found, List<LinkText.Placed> accepted) {
        for (LinkText.Placed p : orgs) {
            String name = String.valueOf(p.mention().value().get("name"));
            String authority = c.placeAuthorities.longestSuffixOf(name);
            if (authority != null) {
                String stem = name.substring(0, name.length() - authority.length());
                if (stem.length() >= MIN_PLACE && c.placeSuffixes.contains(stem.substring(stem.length() - 1))
                        && t.text.startsWith(stem, p.begin())) {
                    found.add(new Owner(stem, p.begin(), p.begin() + stem.length(), p.begin() + stem.length(),
                            Kind.PLACE, stem.substring(stem.length() - 1), true));
                }
            }
            if (mc.authoritySuffixes.longestSuffixOf(name) != null || c.reporterSuffixes.longestSuffixOf(name) != null
                    || !isSane(p, name)) {
                continue;
            }
            accepted.add(p);
            if (t.isPlaceName(name) && !c.placeSuffixes.contains(name.substring(name.length() - 1))) {
                continue; // a region named as a partner (东盟), not an owner
            }
            Kind kind = zoneWord(name) != null ? Kind.ZONE : Kind.ORG;
            found.add(new Owner(name, p.begin(), p.end(), p.end(), kind, null, false));
        }
    }

    /**
     * Whether an ORG mention is a name at all: it starts and ends on word boundaries, opens
     * with a noun-like word (not 占公司, 未含潜江高新区) and not with a self-reference (公司收到…).
     */
    private boolean isSane(LinkText.Placed p, String name) {
        if (c.selfReferences.longestPrefixOf(name) != null) {
            return false;
        }
        for (String event : c.eventNouns.entries().keySet()) {
            if (name.contains(event)) {
                return false; // 发布会兰州新区: an event's words run into the name
            }
        }
        return true;
    }

    /**
     * The word-level half of {@link #isSane}, asked only of an organisation that is about to own
     * a figure (segmenting every ORG's clause up front would cost more than the linking).
     */
    private boolean wordsFit(Owner o) {
        Boolean known = wordsFit.get(o.begin());
        if (known == null) {
            known = wordsFit(new LinkText.Placed(null, o.begin(), o.end()));
            wordsFit.put(o.begin(), known);
        }
        return known;
    }

    private final Map<Integer, Boolean> wordsFit = new HashMap<>();

    private boolean wordsFit(LinkText.Placed p) {
        LinkText.Sent s = t.sentenceAt(p.begin());
        if (s == null) {
            return true;
        }
        for (int at : new int[] {p.begin(), Math.max(p.begin(), p.end() - 1)}) {
            List<Term> words = t.wordsIfSegmented(s, at);
            if (words == null) {
                continue; // not segmented by any step: the ORG step's word stands
            }
            for (Term term : words) {
                int b = t.unitIndex(term.span().begin());
                int e = t.unitIndex(term.span().end());
                if (b < p.begin() && p.begin() < e || b < p.end() && p.end() < e) {
                    return false; // a word runs across the name's edge (政府性|基金, 合作协|议)
                }
                String pos = term.pos() == null ? "" : term.pos();
                if (b == p.begin() && (pos.equals("v") || pos.equals("p") || pos.equals("d") || pos.equals("c")
                        || pos.startsWith("u") || pos.equals("r"))) {
                    return false; // 占公司, 未含潜江高新区
                }
            }
        }
        return true;
    }

    /** Places of the dictionary ending with an administrative suffix, and countries. */
    private void places(List<LinkText.Placed> orgs, List<Owner> found) {
        String text = t.text;
        java.util.BitSet inOrg = new java.util.BitSet();
        for (LinkText.Placed p : orgs) {
            inOrg.set(p.begin(), p.end());
        }
        Holders inOrgs = new Holders(orgs);
        for (int k = 0; k < placeEnds.size; k++) {
            int j = placeEnds.at[k];
            int run = 0;
            while (run < MAX_PLACE && j - run >= 0 && isHan(text.charAt(j - run))) {
                run++;
            }
            for (int length = run; length >= MIN_PLACE; length--) {
                int begin = j + 1 - length;
                if (inOrg.get(begin) && inOrg.get(j)) {
                    continue;
                }
                if (c.selfReferences.prefixLength(text, begin, j + 1) > 0) {
                    continue;
                }
                String word = text.substring(begin, j + 1);
                if (t.isPlaceName(word) && !inOrgs.hold(begin, j + 1)) {
                    found.add(new Owner(word, begin, j + 1, j + 1, Kind.PLACE, String.valueOf(text.charAt(j)), false));
                    break;
                }
            }
        }
        for (String country : c.countryNames.entries().keySet()) {
            for (int at = text.indexOf(country); at >= 0; at = text.indexOf(country, at + 1)) {
                if (!inOrgs.hold(at, at + country.length())) {
                    found.add(new Owner(country, at, at + country.length(), at + country.length(), Kind.PLACE, "国", false));
                }
            }
        }
    }

    /**
     * Zones and aggregates named as written, outside the ORG mentions: the words before a zone
     * word back to a stop word, a mark or a mention (今年以来海沧保税港区 → 海沧保税港区); a count
     * between a place and a zone word drops out (湖北省20个高新区 → 湖北省高新区).
     */
    private void zones(List<LinkText.Placed> orgs, List<Owner> found) {
        String text = t.text;
        Holders inOrgs = new Holders(orgs);
        for (int k = 0; k < zoneEnds.size; k++) {
            int e = zoneEnds.at[k] + 1;
            String word = zoneWordEndingAt(e);
            Kind kind = Kind.ZONE;
            if (word == null) {
                int head = c.aggregateHeads.suffixLength(text, Math.max(0, e - c.aggregateHeads.longestWord()), e);
                word = head == 0 ? null : text.substring(e - head, e);
                kind = Kind.AGGREGATE;
            } else if (e < text.length() && zoneWordLengthEndingAt(e + 1) > 0) {
                continue; // 产业园 of 产业园区: the longer word ends the name
            }
            if (word == null) {
                continue;
            }
            int wordBegin = e - word.length();
            if (inOrgs.hold(wordBegin, e)) {
                continue;
            }
            int begin = nameStart(wordBegin);
            String name = text.substring(begin, e);
            int evidenceBegin = begin;
            LinkText.Placed count = mentionEndingAt(begin);
            if (count != null && count.type() == RecordType.QUANTITY) {
                Owner place = ownerEndingAt(found, count.begin(), Kind.PLACE);
                evidenceBegin = count.begin(); // 10个省级开发区: the count drops out of the name
                if (place != null) {
                    name = place.name() + name;
                    evidenceBegin = place.begin();
                }
            }
            boolean scoped = c.aggregateScopes.longestPrefixOf(name) != null;
            if (kind == Kind.AGGREGATE && !scoped) {
                continue; // 港口 alone is no owner; 全国主要港口 is
            }
            if (scoped || count != null) {
                kind = Kind.AGGREGATE;
            }
            found.add(new Owner(name, evidenceBegin, e, e, kind, null, false));
        }
    }

    /** Every use of a zone or organisation name found once (海南自贸港重点园区 where the steps above cut it short). */
    private void laterUses(List<Owner> found) {
        Map<String, Kind> names = new LinkedHashMap<>();
        for (Owner o : found) {
            if ((o.kind() == Kind.ZONE || o.kind() == Kind.ORG) && o.name().length() >= 4 && !o.name().equals(zoneWord(o.name()))
                    && t.text.startsWith(o.name(), o.begin())) {
                names.putIfAbsent(o.name(), o.kind());
            }
        }
        for (Map.Entry<String, Kind> n : names.entrySet()) {
            String name = n.getKey();
            for (int at = t.text.indexOf(name); at >= 0; at = t.text.indexOf(name, at + 1)) {
                if (!startsAt(found, at, at + name.length())) {
                    found.add(new Owner(name, at, at + name.length(), at + name.length(), n.getValue(), null, false));
                }
            }
        }
    }

    private static boolean startsAt(List<Owner> found, int begin, int end) {
        for (Owner o : found) {
            if (o.begin() == begin && o.end() >= end) {
                return true;
            }
        }
        return false;
    }

    private String zoneWordEndingAt(int e) {
        int length = zoneWordLengthEndingAt(e);
        return length == 0 ? null : t.text.substring(e - length, e);
    }

    /** The length of the zone word or zone suffix ending at {@code e} (in its last six characters), 0 for none. */
    private int zoneWordLengthEndingAt(int e) {
        int from = Math.max(0, e - 6);
        return Math.max(c.zoneWords.suffixLength(t.text, from, e), mc.zoneSuffixes.suffixLength(t.text, from, e));
    }

    /**
     * Where a zone name ending its words at {@code from} starts: back over the nouns and
     * places before it (广西/北部湾/经济区), to a verb, a function word, a stop word or a mention
     * (设立霍尔果斯经济开发区 → 霍尔果斯经济开发区). Characters decide where the sentence has no words.
     */
    private int nameStart(int from) {
        LinkText.Sent s = t.sentenceAt(Math.max(0, from - 1));
        if (s == null || from == s.begin()) {
            return from;
        }
        List<Term> words = t.wordsIfSegmented(s, from - 1);
        if (words == null || words.isEmpty()) {
            return properStart(leftEdge(from), from); // segmenting every zone's clause would cost more than linking
        }
        int p = from;
        int proper = from;
        boolean moved = true;
        while (moved && from - p < NAME_REACH && p > s.begin()) {
            moved = false;
            if (mentionEndingAt(p) != null) {
                break;
            }
            for (Term term : words) {
                int b = t.unitIndex(term.span().begin());
                int e = t.unitIndex(term.span().end());
                if (e == p) {
                    String pos = term.pos() == null ? "" : term.pos();
                    boolean nounLike = pos.startsWith("n") || pos.startsWith("j") || pos.startsWith("b")
                            || c.aggregateScopes.contains(term.word());
                    if (nounLike && isHan(term.word()) && !c.nameLeftStops.contains(term.word())
                            && c.eventNouns.longestSuffixOf(term.word()) == null) {
                        p = b;
                        moved = true;
                        if (isProper(pos) || c.aggregateScopes.contains(term.word())) {
                            proper = b;
                        }
                    }
                    break;
                }
            }
        }
        return proper; // a name opens with a place or a proper word (广西北部湾经济区), not 价值开发区
    }

    /**
     * Where words are not at hand: the first place of the dictionary or scope word in
     * {@code [begin, from)} opens the name (设立霍尔果斯经济开发区 → 霍尔果斯…), else the zone word alone.
     */
    private int properStart(int begin, int from) {
        for (int q = begin; q + 2 <= from; q++) {
            if (c.aggregateScopes.longestPrefixOf(t.text.substring(q, from)) != null) {
                return q;
            }
            for (int length = Math.min(4, from - q); length >= 2; length--) {
                if (t.isPlaceName(t.text.substring(q, q + length))) {
                    return q;
                }
            }
        }
        return from;
    }

    /** HanLP's tags of places, proper nouns, organisations and short forms. */
    private static boolean isProper(String pos) {
        return pos.startsWith("ns") || pos.startsWith("nz") || pos.startsWith("nr") || pos.startsWith("nt")
                || pos.startsWith("j");
    }

    /** Where a name ending at {@code from} starts: back over Han characters to a stop word, a mention or the reach. */
    private int leftEdge(int from) {
        int p = from;
        while (p > 0 && from - p < NAME_REACH) {
            char ch = t.text.charAt(p - 1);
            if (!isHan(String.valueOf(ch)) || mentionEndingAt(p) != null
                    || c.nameLeftStops.longestSuffixOf(t.text.substring(Math.max(0, p - 2), p)) != null) {
                break;
            }
            p--;
        }
        return p;
    }

    /** Companies the text introduces, then every use of their names and aliases. */
    private void companies(List<Owner> found) {
        Map<String, String> names = new LinkedHashMap<>(); // written form → full name
        String text = t.text;
        // a stock code after a name: 中船股份(600072)
        for (int k = 0; k < openParens.size && openParens.at[k] + 8 <= text.length(); k++) {
            int i = openParens.at[k];
            if (isStockCode(text.substring(i + 1, i + 7))
                    && (text.charAt(i + 7) == ')' || text.charAt(i + 7) == '）')) {
                int begin = i;
                while (begin > 0 && i - begin < NAME_REACH && (isHan(text.substring(begin - 1, begin))
                        || Character.isLetter(text.charAt(begin - 1)))) {
                    begin--;
                }
                if (i - begin >= 2) {
                    String name = text.substring(begin, i);
                    names.putIfAbsent(name, name);
                    found.add(new Owner(name, begin, i, i + 8, Kind.COMPANY, COMPANY, false));
                }
            }
        }
        // an alias definition: 珠海金桥置业有限公司(以下简称“金桥公司”)
        for (String cue : c.aliasCues.entries().keySet()) {
            for (int at = text.indexOf(cue); at > 0; at = text.indexOf(cue, at + 1)) {
                char open = text.charAt(at - 1);
                int close = Math.max(text.indexOf(')', at), text.indexOf('）', at));
                int closeA = text.indexOf(')', at);
                int closeB = text.indexOf('）', at);
                close = closeA < 0 ? closeB : closeB < 0 ? closeA : Math.min(closeA, closeB);
                if ((open != '(' && open != '（') || close < 0 || close - at > 20) {
                    continue;
                }
                String alias = text.substring(at + cue.length(), close).replaceAll("[“”\"'‘’:：\\s]", "");
                int fullEnd = at - 1;
                int begin = fullEnd;
                while (begin > 0 && fullEnd - begin < ALIAS_REACH) {
                    char ch = text.charAt(begin - 1);
                    if (!(isHan(String.valueOf(ch)) || Character.isLetter(ch) || "()（）".indexOf(ch) >= 0)
                            || "与和及同、".indexOf(ch) >= 0 || mentionEndingAt(begin) != null && mentionEndingAt(begin).type() != RecordType.ORG) {
                        break;
                    }
                    begin--;
                }
                String full = text.substring(begin, fullEnd);
                if (full.length() >= 2 && !alias.isEmpty()) {
                    found.add(new Owner(full, begin, fullEnd, close + 1, Kind.COMPANY, COMPANY, false));
                    names.put(alias, full);
                    names.putIfAbsent(full, full);
                }
            }
        }
        // a company publishing its report: 格力电器公布了2018年年度报告
        for (String verb : c.reportVerbs.entries().keySet()) {
            for (int at = text.indexOf(verb); at > 0; at = text.indexOf(verb, at + 1)) {
                String after = text.substring(at + verb.length(), Math.min(text.length(), at + verb.length() + 20));
                if (!containsAny(after, c.reportNouns)) {
                    continue;
                }
                LinkText.Sent s = t.sentenceAt(at);
                if (s == null) {
                    continue;
                }
                int clauseStart = t.clauseStart(mc, at, s.begin());
                String lead = text.substring(clauseStart, at);
                int cut = lead.indexOf('在');
                if (cut > 0) {
                    lead = lead.substring(0, cut);
                }
                String filler;
                while ((filler = mc.fillers.longestSuffixOf(lead)) != null && filler.length() < lead.length()) {
                    lead = lead.substring(0, lead.length() - filler.length());
                }
                int leadBegin = clauseStart + (text.substring(clauseStart, at).length() - text.substring(clauseStart, at).stripLeading().length());
                lead = lead.strip();
                if (lead.length() >= 2 && lead.length() <= 10 && isHan(lead) && t.within(leadBegin, leadBegin + lead.length(), p -> true).isEmpty()
                        && c.selfReferences.longestPrefixOf(lead) == null && mc.authoritySuffixes.longestSuffixOf(lead) == null) {
                    names.putIfAbsent(lead, lead);
                }
            }
        }
        // a heading naming the company of its paragraph: ●比亚迪 营收利润双丰收
        for (LinkText.Sent s : t.sentences) {
            int first = s.begin();
            while (first < s.end() && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            if (first >= s.end() || !c.headingMarkChars.get(text.charAt(first))) {
                continue;
            }
            String line = t.slice(first, s.end());
            String mark = c.headingMarks.longestPrefixOf(line);
            if (mark != null) {
                String rest = line.substring(mark.length()).stripLeading();
                int space = 0;
                while (space < rest.length() && !Character.isWhitespace(rest.charAt(space)) && space <= 10) {
                    space++;
                }
                String name = rest.substring(0, space);
                if (space < rest.length() && Character.isWhitespace(rest.charAt(space)) && name.length() >= 2 && isHan(name)) {
                    names.putIfAbsent(name, name);
                }
            }
        }
        java.util.BitSet covered = coverage(found);
        for (Map.Entry<String, String> n : names.entrySet()) {
            String written = n.getKey();
            for (int at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
                if (!covered(covered, at, at + written.length())) {
                    covered.set(at, at + written.length());
                    found.add(new Owner(n.getValue(), at, at + written.length(), at + written.length(), Kind.COMPANY, COMPANY, false));
                }
            }
        }
    }

    /** The report's words for itself (全县, 公司), outside names and not as the scope of a comparison. */
    private void selfReferences(List<Owner> found) {
        String text = t.text;
        java.util.BitSet covered = coverage(found);
        int next = 0;
        for (int k = 0; k < selfStarts.size; k++) {
            int i = selfStarts.at[k];
            if (i < next || i + 1 >= text.length() || !c.selfReferenceSecondChars.get(text.charAt(i + 1))) {
                continue;
            }
            int wordLength = c.selfReferences.prefixLength(text, i, text.length());
            if (wordLength == 0) {
                continue;
            }
            String word = text.substring(i, i + wordLength);
            int end = i + word.length();
            String before = text.substring(Math.max(0, i - 2), i);
            String level = c.levelOf(word);
            String afterWord = text.substring(end, Math.min(text.length(), end + 2));
            boolean ok = !covered(covered, i, end) && c.scopeAfter.longestSuffixOf(before) == null
                    && mc.shareCues.longestPrefixOf(afterWord) == null; // 全市占比100%: a scope
            if (ok && t.continuesWordBefore(i)) {
                ok = false; // 资本市场, 完全市场化: not 本市 or 全市
            }
            if (ok && COMPANY.equals(level) && "公司".equals(word) && i > 0 && isHan(text.substring(i - 1, i))
                    && !c.companyReferenceAfter.contains(text.substring(i - 1, i))) {
                ok = false; // 金桥公司, 动力公司: the end of a name
            }
            if (ok) {
                found.add(new Owner(word, i, end, end, Kind.SELF, level, false));
            }
            next = end;
        }
    }

    // ---- what the names add up to ----

    /** A zone shortened later keeps the longest form the document gives (海沧保税港区 → 厦门海沧保税港区). */
    private void longestForms() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Owner o : owners) {
            if (o.isZoneLike() || o.kind() == Kind.ORG && zoneWord(o.name()) != null) {
                counts.merge(o.name(), 1, Integer::sum);
            }
        }
        for (String name : counts.keySet()) {
            String scope = c.aggregateScopes.longestPrefixOf(name);
            String core = scope != null && scope.length() < name.length() ? name.substring(scope.length()) : name;
            String best = null;
            for (Map.Entry<String, Integer> other : counts.entrySet()) {
                String o = other.getKey();
                if (o.length() > core.length() && o.endsWith(core) && !o.equals(name)
                        && c.aggregateScopes.longestPrefixOf(o) == null
                        && (best == null || other.getValue() > counts.get(best))) {
                    best = o;
                }
            }
            if (best != null) {
                longestForm.put(name, best);
            }
        }
    }

    private void areasByLevel() {
        Map<String, Map<String, Integer>> byLevel = new HashMap<>();
        Map<String, Owner> first = new HashMap<>();
        for (Owner o : owners) {
            String level = null;
            if (o.kind() == Kind.PLACE) {
                level = o.level();
            } else if (o.kind() == Kind.COMPANY || o.kind() == Kind.ORG && isCompanyName(o.name())) {
                level = COMPANY;
            } else if (o.kind() == Kind.ZONE && o.name().endsWith("区") && zoneWord(o.name()) != null
                    && !o.name().equals(zoneWord(o.name()))) {
                level = "区";
            }
            if (level != null) {
                String name = canonical(o);
                byLevel.computeIfAbsent(level, k -> new LinkedHashMap<>()).merge(name, 1, Integer::sum);
                first.putIfAbsent(level + "\u0000" + name, o);
            }
        }
        for (Map.Entry<String, Map<String, Integer>> e : byLevel.entrySet()) {
            String best = null;
            for (Map.Entry<String, Integer> n : e.getValue().entrySet()) {
                if (best == null || n.getValue() > e.getValue().get(best)) {
                    best = n.getKey();
                }
            }
            areas.put(e.getKey(), first.get(e.getKey() + "\u0000" + best));
        }
    }

    private boolean isCompanyName(String name) {
        String suffix = c.ownerSuffixes.longestSuffixOf(name);
        return suffix != null && zoneWord(name) == null && !c.placeSuffixes.contains(suffix);
    }

    /** The area level the document refers to itself by most often (全县 → 县), or null. */
    private String dominantSelfLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Owner o : owners) {
            LinkText.Sent s = t.sentenceAt(o.begin());
            if (o.kind() == Kind.SELF && s != null && opens(t.clauseStart(mc, o.begin(), s.begin()), o.begin())) {
                counts.merge(o.level(), 1, Integer::sum); // 全县生产总值…, not 全省首个
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!COMPANY.equals(e.getKey()) && (best == null || e.getValue() > counts.get(best))) {
                best = e.getKey();
            }
        }
        selfCount = best == null ? 0 : counts.get(best);
        return best;
    }

    /**
     * The owner named most often at the start of a clause, where it may own figures (then most
     * often anywhere; first named wins a tie): a report's topic opens its clauses.
     */
    private Owner mostNamed() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Owner> first = new HashMap<>();
        for (Owner o : owners) {
            if (o.kind() == Kind.SELF || o.areaOnly() || o.name().equals(zoneWord(o.name())) || !mayOwn(o)) {
                continue;
            }
            String name = canonical(o);
            LinkText.Sent s = t.sentenceAt(o.begin());
            boolean opener = s != null && opens(t.clauseStart(mc, o.begin(), s.begin()), o.begin());
            counts.merge(name, opener ? 1000 : 1, Integer::sum);
            first.putIfAbsent(name, o);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        namedCount = best == null ? 0 : counts.get(best) / 1000;
        return best == null ? null : first.get(best);
    }

    /** Context a name owns nothing in: a partner or exclusion (与…, 未含…), a list item, a title, a reporter. */
    boolean mayOwn(Owner o) {
        Boolean known = mayOwn.get(o);
        if (known == null) {
            known = mayOwnHere(o);
            mayOwn.put(o, known);
        }
        return known;
    }

    /** {@link #mayOwn}, asked once per owner. */
    private final Map<Owner, Boolean> mayOwn = new java.util.IdentityHashMap<>();

    private boolean mayOwnHere(Owner o) {
        String text = t.text;
        String before = text.substring(Math.max(0, o.begin() - 4), o.begin()).stripTrailing();
        if (c.notOwnerAfter.longestSuffixOf(before) != null) {
            return false;
        }
        String next = o.after() < text.length() ? text.substring(o.after(), o.after() + 1) : "";
        if (!next.isEmpty() && "、等和及与".contains(next) || before.endsWith("、")) {
            return false;
        }
        LinkText.Sent s = t.sentenceAt(o.begin());
        if (s != null && count(text, t.reachBack(s, o.begin()), o.begin(), '《') > count(text, t.reachBack(s, o.begin()), o.begin(), '》')) {
            return false;
        }
        // the words last: asked once per owner (mayOwn), when nothing else has ruled the owner out
        return !isReporter(o) && (o.kind() != Kind.ORG || wordsFit(o));
    }

    /** A name that only reports figures: after 据/从, or before 公布/数据显示 (a date between allowed). */
    boolean isReporter(Owner o) {
        if (o.kind() == Kind.COMPANY) {
            return false;
        }
        String text = t.text;
        String before = text.substring(Math.max(0, o.begin() - 3), o.begin()).stripTrailing();
        if (c.reporterBefore.longestSuffixOf(before) != null) {
            return true;
        }
        int at = o.after();
        LinkText.Placed date = t.mentionAt(at);
        if (date != null && date.type() == RecordType.DATE) {
            at = date.end();
        }
        String after = text.substring(at, Math.min(text.length(), at + 6)).stripLeading();
        if (after.startsWith("的")) {
            return false;
        }
        return c.reporterAfter.longestPrefixOf(after) != null || after.startsWith("、") && containsAny(
                text.substring(at, Math.min(text.length(), at + 30)).split("[，。,;；]")[0], c.reporterAfter);
    }

    String zoneWord(String name) {
        int from = Math.max(0, name.length() - 6);
        int length = Math.max(c.zoneWords.suffixLength(name, from, name.length()), mc.zoneSuffixes.suffixLength(name, from, name.length()));
        return length == 0 ? null : name.substring(name.length() - length);
    }

    /** Whether only dates, marks and a short connective stand between {@code clauseStart} and {@code at}. */
    boolean opens(int clauseStart, int at) {
        String text = t.text;
        int from = clauseStart;
        for (int i = at - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                from = i + 1; // a line break ends a clause the marks left open
                break;
            }
        }
        if (at - from <= 2) {
            return true;
        }
        List<LinkText.Placed> dates = t.within(from, at, m -> m.type() == RecordType.DATE);
        StringBuilder lead = new StringBuilder();
        int d = 0;
        for (int i = from; i < at; i++) {
            while (d < dates.size() && dates.get(d).end() <= i) {
                d++;
            }
            if (d < dates.size() && dates.get(d).begin() <= i) {
                continue;
            }
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch) || LEAD_MARKS.indexOf(ch) >= 0) {
                continue;
            }
            lead.append(ch);
            if (lead.length() > 6) {
                return false;
            }
        }
        String connective = mc.subsetConnectives.longestPrefixOf(lead + "，");
        int length = lead.length() - (connective == null ? 0 : Math.min(lead.length(), connective.length() - 1));
        return length <= 2;
    }

    private static final String LEAD_MARKS = "\u3000●■◆▲★•“”\"（）()";

    private LinkText.Placed mentionEndingAt(int at) {
        for (LinkText.Placed p : t.within(Math.max(0, at - 40), at, m -> m.end() == at)) {
            return p;
        }
        return null;
    }

    private static Owner ownerEndingAt(List<Owner> found, int at, Kind kind) {
        for (Owner o : found) {
            if (o.end() == at && o.kind() == kind) {
                return o;
            }
        }
        return null;
    }

    /** Spans, asked whether one of them holds a range: a binary search instead of a scan of them all. */
    private static final class Holders {
        private final int[] begins;
        /** The furthest end of the spans up to each, in order of their begins. */
        private final int[] furthestEnds;

        Holders(List<LinkText.Placed> spans) {
            List<LinkText.Placed> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(LinkText.Placed::begin));
            begins = new int[sorted.size()];
            furthestEnds = new int[sorted.size()];
            int furthest = Integer.MIN_VALUE;
            for (int i = 0; i < sorted.size(); i++) {
                begins[i] = sorted.get(i).begin();
                furthest = Math.max(furthest, sorted.get(i).end());
                furthestEnds[i] = furthest;
            }
        }

        /** Whether a span begins at or before {@code begin} and ends at or after {@code end}. */
        boolean hold(int begin, int end) {
            int lo = 0;
            int hi = begins.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (begins[mid] <= begin) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo > 0 && furthestEnds[lo - 1] >= end;
        }
    }

    private static boolean covered(List<Owner> found, int begin, int end) {
        for (Owner o : found) {
            if (o.begin() < end && begin < o.end()) {
                return true;
            }
        }
        return false;
    }

    /** The characters the names found so far cover: a look-up per character instead of a scan per name. */
    private static java.util.BitSet coverage(List<Owner> found) {
        java.util.BitSet covered = new java.util.BitSet();
        for (Owner o : found) {
            covered.set(o.begin(), o.end());
        }
        return covered;
    }

    private static boolean covered(java.util.BitSet covered, int begin, int end) {
        int next = covered.nextSetBit(begin);
        return next >= 0 && next < end;
    }

    private static boolean containsAny(String text, org.tiqu.rules.Lexicon words) {
        for (String w : words.entries().keySet()) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }


    private static boolean isStockCode(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isHan(char ch) {
        return ch >= '\u4e00' && ch <= '\u9fff' || ch >= '\u3400' && ch <= '\u4dbf'
                || ch >= '\u2e80' && Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN;
    }

    static boolean isHan(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isHan(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, int from, int to, char ch) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ch) {
                n++;
            }
        }
        return n;
    }
}
