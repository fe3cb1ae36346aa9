package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.document.Document;
import org.tiqu.document.Segmenter;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.extract.org.tagger.OrgTagger;
import org.tiqu.extract.org.tagger.OrgTaggers;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleException;
import org.tiqu.rules.RuleFile;
import org.tiqu.text.Span;

/**
 * Organisation names. Candidates come from the gazetteer, the suffix grammar, short body names,
 * HanLP's dictionary organisation words and brand lists; then whatever lies inside titles,
 * quoted honours or event names, and generic nouns, are dropped; then abbreviations the document
 * defines give their uses the full name. Overlaps among what is left are the resolver's business
 * (longest wins at equal priority), so the records are flat.
 *
 * <p>HanLP's organisation recogniser is not used here: it is ten times slower than plain
 * segmentation and, alone, less precise than these rules (see the README).
 */
public final class OrgExtractor implements Extractor {

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final OrgLexicons lex;
    private final SuffixGrammar grammar;
    private final NameBoundaries boundaries;
    private static final boolean DEBUG = Boolean.getBoolean("tiqu.debug.org");
    private final WordTrie<String> gazetteer;
    private final WordTrie<Rule> endings = new WordTrie<>();
    private final WordTrie<Rule> shortBodies = new WordTrie<>();
    private final WordTrie<Boolean> dictionaryWords = new WordTrie<>();
    private final Map<String, Rule> byKind = new LinkedHashMap<>();
    private final List<Rule> suffixRules = new ArrayList<>();
    private final Map<Rule, SuffixGrammar.Options> optionsOf = new java.util.IdentityHashMap<>();
    private final Pattern eventAfter;
    /** The first characters of the event endings, so that the event regex runs only where one may follow. */
    private final BitSet eventEndingStarts = new BitSet();

    private final Segmenter recogniser;
    /** The trained tagger of the {@code tagger} rule, or null. */
    private OrgTagger taggerModel;
    /** Every name ending and short body: a tagged name equal to one is a bare noun, not a name. */
    private final java.util.Set<String> endingWords = new java.util.HashSet<>();
    private final java.util.Set<String> shortBodyWords = new java.util.HashSet<>();
    private final org.tiqu.rules.Lexicon zoneEndings;
    private final org.tiqu.rules.Lexicon governmentEndings;
    private final org.tiqu.rules.Lexicon venueEndings;
    private final java.util.Set<String> adjectivalAfter;
    private final java.util.List<String> descriptiveWords;

    /** An extractor without HanLP's organisation recogniser. */
    public OrgExtractor(RuleBook book) {
        this(book, null);
    }

    /**
     * @param recogniser segmentation with HanLP's organisation recogniser on, run only on sentences
     *                   where a name ending was found but the grammar could not bound a name; or null
     */
    public OrgExtractor(RuleBook book, Segmenter recogniser) {
        this.recogniser = recogniser;
        this.rules = book.file("org");
        this.matcher = new RuleMatcher(rules.rules());
        this.lex = OrgLexicons.of(rules);
        this.grammar = new SuffixGrammar(lex);
        this.boundaries = new NameBoundaries(lex, rules);
        this.zoneEndings = rules.lexicon("suffix_zone");
        this.governmentEndings = rules.lexicon("suffix_government");
        this.venueEndings = rules.lexicon("venue_endings");
        this.adjectivalAfter = java.util.Set.copyOf(rules.lexicon("adjectival_after").entries().keySet());
        this.descriptiveWords = java.util.List.copyOf(rules.lexicon("descriptive_words").entries().keySet());
        Rule gazetteerRule = null;
        for (Rule rule : rules.rules()) {
            switch (rule.kind() == null ? "" : rule.kind()) {
                case "suffix" -> {
                    suffixRules.add(rule);
                    optionsOf.put(rule, options(rule));
                    rules.lexicon(rule.param("lexicon", "")).entries().keySet().forEach(w -> endings.add(w, rule));
                    endingWords.addAll(rules.lexicon(rule.param("lexicon", "")).entries().keySet());
                }
                case "gazetteer" -> gazetteerRule = rule;
                case "short" -> {
                    byKind.put(rule.kind(), rule);
                    rules.lexicon(rule.param("lexicon", "")).entries().keySet().forEach(w -> shortBodies.add(w, rule));
                    shortBodyWords.addAll(rules.lexicon(rule.param("lexicon", "")).entries().keySet());
                }
                case "dictionary" -> {
                    byKind.put(rule.kind(), rule);
                    rules.lexicon(rule.param("lexicon", "")).entries().keySet().forEach(w -> dictionaryWords.add(w, true));
                }
                case "tagger" -> {
                    byKind.put(rule.kind(), rule);
                    taggerModel = OrgTaggers.load(book.dir().resolve(rule.param("model", "")));
                }
                case "recogniser", "list", "abbreviation", "block", "department", "media", "peers", "repeat", "bracketed" -> byKind.put(rule.kind(), rule);
                default -> throw new RuleException(rules.path(), rule.line(), "rule " + rule.id() + ": unknown kind '" + rule.kind() + "'");
            }
        }
        this.gazetteer = new WordTrie<>();
        if (gazetteerRule != null) {
            book.lexicon(gazetteerRule.param("lexicon", "org_gazetteer.names")).entries().forEach(gazetteer::add);
        }
        byKind.put("gazetteer", gazetteerRule);
        this.eventAfter = Pattern.compile("^([\\p{IsHan}A-Za-z0-9]{0,8}?)" + book.lexicon("org.event_endings").regex());
        book.lexicon("org.event_endings").entries().keySet().forEach(w -> eventEndingStarts.set(w.charAt(0)));
    }

    /** The trained tagger this extractor runs, or null (for the benchmark's own line). */
    public OrgTagger tagger() {
        return taggerModel;
    }

    @Override
    public String name() {
        return "org";
    }

    @Override
    public List<Candidate> extract(Document document) {
        ClauseWords terms = new ClauseWords(document);
        RuleMatcher.Scan scan = matcher.scan(document);
        List<Candidate> found = new ArrayList<>();
        addGazetteer(document, terms, found);
        addSuffixNames(document, terms, found);
        addShortBodies(document, found);
        addWholeMatches(document, scan, byKind.get("department"), null, found);
        addWholeMatches(document, scan, byKind.get("bracketed"), "name", found);
        addDictionaryWords(document, terms, found);
        addBrandLists(document, scan, found);
        addMedia(document, scan, found);
        List<Candidate> kept = zoneBodies(document, terms, dropNonNames(document, scan, fixBoundaries(document, terms, found)));
        // The tagger's names are checked alone, then placed beside the rules' names that survived.
        List<Candidate> tagged = new ArrayList<>();
        addTagged(document, tagged);
        tagged = dropNonNames(document, scan, fixBoundaries(document, terms, tagged));
        kept = besideRuleNames(document, terms, kept, tagged);
        kept.addAll(dropNonNames(document, scan, listPeers(document, scan, kept)));
        kept.addAll(dropNonNames(document, scan, repeats(document, terms, kept)));
        return applyAbbreviations(document, scan, kept);
    }

    private static boolean onWordBoundaries(List<Term> words, Span s) {
        int first = ClauseWords.containing(words, s.begin());
        return first >= 0 && words.get(first).span().begin() == s.begin() && ClauseWords.endingAt(words, s.end()) >= 0;
    }

    private void addGazetteer(Document document, ClauseWords terms, List<Candidate> out) {
        Rule rule = byKind.get("gazetteer");
        if (rule == null) {
            return;
        }
        for (Sentence sentence : document.sentences()) {
            for (WordTrie.Hit<String> hit : gazetteer.longest(document.text(), sentence.span())) {
                document.deadline().check();
                Span s = hit.span();
                // A hit across a word boundary is a coincidence of characters: 联合国 in 联合/国家.
                if (onWordBoundaries(terms.around(s.begin()), s)) {
                    out.add(candidate(document, s, rule));
                }
            }
        }
    }

    private void addSuffixNames(Document document, ClauseWords terms, List<Candidate> out) {
        for (Sentence sentence : document.sentences()) {
            List<WordTrie.Hit<Rule>> likely = new ArrayList<>();
            List<WordTrie.Hit<Rule>> unlikely = new ArrayList<>();
            for (WordTrie.Hit<Rule> hit : endings.all(document.text(), sentence.span())) {
                document.deadline().check();
                if (startsClause(document, sentence, hit.span())) {
                    // A bare ending (集团, 公司) with nothing of its own before it: no name, and
                    // nothing for the recogniser; no need to segment for it.
                    terms.cueIn(sentence);
                } else if (insideCommonWord(document, sentence, hit.span())) {
                    terms.cueIn(sentence);
                    unlikely.add(hit);
                } else {
                    likely.add(hit);
                }
            }
            List<WordTrie.Hit<Rule>> unbounded = new ArrayList<>();
            for (WordTrie.Hit<Rule> hit : likely) {
                addSuffixName(document, terms.around(hit.span().begin()), hit, out, unbounded);
            }
            // Tried only where another cue had the clause segmented anyway.
            for (WordTrie.Hit<Rule> hit : unlikely) {
                List<Term> words = terms.ifSegmented(hit.span().begin());
                if (words != null) {
                    addSuffixName(document, words, hit, out, unbounded);
                }
            }
            if (!unbounded.isEmpty()) {
                addRecognised(document, sentence, terms, unbounded, out);
            }
        }
    }

    private void addSuffixName(Document document, List<Term> words, WordTrie.Hit<Rule> hit, List<Candidate> out,
                               List<WordTrie.Hit<Rule>> unbounded) {
        Rule rule = hit.value();
        Span name = grammar.nameEndingWith(words, hit.span(), optionsOf.get(rule));
        if (name != null) {
            out.add(candidate(document, name, rule));
        } else if (hit.span().length() > 1) {
            unbounded.add(hit);
        }
    }

    /**
     * A one-character ending that starts a common word (所以, 社会) or ends one (全部, 格局):
     * it almost never ends a name, so alone it is no reason to segment its clause.
     */
    private boolean insideCommonWord(Document document, Sentence sentence, Span ending) {
        if (ending.length() != 1) {
            return false;
        }
        Span s = sentence.span();
        String after = document.slice(new Span(ending.begin(), Math.min(s.end(), ending.begin() + 4)));
        String before = document.slice(new Span(Math.max(s.begin(), ending.end() - 4), ending.end()));
        return lex.endingLedWords().longestPrefixOf(after) != null || lex.commonWords().longestSuffixOf(before) != null;
    }

    /** Whether {@code span} starts the sentence or follows a clause mark. */
    private static boolean startsClause(Document document, Sentence sentence, Span span) {
        return span.begin() == sentence.span().begin() || Document.isClauseMark(document.text().codePointAt(span.begin() - 1));
    }

    /**
     * HanLP's organisation recogniser, run only on the clause before a name ending the grammar
     * could not bound (from the last punctuation up to the ending): its organisations that end
     * with the ending and that the plain words could make up are candidates. The recogniser is
     * several times slower than plain segmentation, so it never runs on whole sentences.
     */
    private void addRecognised(Document document, Sentence sentence, ClauseWords terms, List<WordTrie.Hit<Rule>> unbounded,
                               List<Candidate> out) {
        Rule rule = byKind.get("recogniser");
        if (recogniser == null || rule == null) {
            return;
        }
        for (WordTrie.Hit<Rule> hit : unbounded) {
            document.deadline().check();
            List<Term> words = terms.around(hit.span().begin());
            Span clause = clauseBefore(words, hit.span(), sentence.span().begin());
            if (!grammar.roomForName(words, hit.span(), clause.begin(), optionsOf.get(hit.value()))) {
                continue; // nothing the recogniser finds here could be kept
            }
            for (Term t : recogniser.segment(document.slice(clause))) {
                Span span = new Span(clause.begin() + t.span().begin(), clause.begin() + t.span().end());
                if (t.pos().startsWith("nt") && span.end() == hit.span().end() && span.length() > hit.span().length()
                        && grammar.couldBeName(words, span, hit.span(), optionsOf.get(hit.value()))) {
                    out.add(candidate(document, span, rule));
                }
            }
        }
    }

    /** From the word after the last punctuation before {@code ending} (at most 30 characters back) to its end. */
    private static Span clauseBefore(List<Term> words, Span ending, int sentenceBegin) {
        int begin = Math.max(sentenceBegin, ending.end() - 30);
        // Words ending before the window cannot move its start: begin with the first that may.
        for (Term t : words.subList(ClauseWords.firstEndingAtOrAfter(words, begin + 1), words.size())) {
            if (t.span().end() > ending.begin()) {
                break;
            }
            if (t.pos().equals("w") && t.span().end() > begin) {
                begin = t.span().end();
            }
        }
        return new Span(begin, ending.end());
    }

    private static SuffixGrammar.Options options(Rule rule) {
        return new SuffixGrammar.Options(
                SuffixGrammar.Distinctive.valueOf(rule.param("distinctive", "none").toUpperCase(java.util.Locale.ROOT)),
                flag(rule, "stop_at_names"), flag(rule, "place_before"));
    }

    private static boolean flag(Rule rule, String name) {
        return Boolean.parseBoolean(rule.param(name, "false"));
    }

    private void addShortBodies(Document document, List<Candidate> out) {
        for (Sentence sentence : document.sentences()) {
            for (WordTrie.Hit<Rule> hit : shortBodies.longest(document.text(), sentence.span())) {
                out.add(candidate(document, hit.span(), hit.value()));
            }
        }
    }

    /** Each match of {@code rule}, or of its group {@code group} (the name after a delimiter the pattern reads). */
    private void addWholeMatches(Document document, RuleMatcher.Scan scan, Rule rule, String group, List<Candidate> out) {
        if (rule != null) {
            scan.forEachMatch(rule, m -> out.add(candidate(document, group == null ? m.span() : m.groupSpan(group), rule)));
        }
    }

    /**
     * Words HanLP's plain segmentation tags as organisations (新华社, 北京大学, 新浪), in sentences
     * some cheaper cue already had words looked up in: segmenting every sentence for these words
     * alone would cost as much as all the rest of the extractor. The rule's lexicon lists every
     * word HanLP's dictionaries can tag so, and only clauses holding one are segmented for them.
     */
    private void addDictionaryWords(Document document, ClauseWords terms, List<Candidate> out) {
        Rule rule = byKind.get("dictionary");
        if (rule == null) {
            return;
        }
        for (Sentence sentence : document.sentences()) {
            if (!terms.asked(sentence)) {
                continue;
            }
            for (WordTrie.Hit<Boolean> hit : dictionaryWords.all(document.text(), sentence.span())) {
                document.deadline().check();
                List<Term> words = terms.around(hit.span().begin());
                int at = ClauseWords.containing(words, hit.span().begin()); // the one word that may be the hit
                Term t = at < 0 ? null : words.get(at);
                if (t != null && t.span().equals(hit.span()) && t.pos().startsWith("nt") && t.span().length() > 1) {
                    out.add(candidate(document, t.span(), rule));
                }
            }
        }
    }

    /** Particles and verbs that show a list item was not cut at a name's edges. */
    private static final String NOT_IN_LIST_ITEM = "的了是在等对为将把被从向年月日";
    private static final Pattern PEER_JOIN = Pattern.compile("(.{2,})[和及与](.{2,})");

    /**
     * The other items of a 、-list in which at least {@code min_known} items are names found
     * already: short company names listed together (上汽、一汽、东风…). The first item's left
     * edge is unknown (与武钢集团): it counts, and is taken, only as a name found ending there.
     * A last item joined with 和/及/与 is split. Items that are places or generic nouns are
     * never taken.
     */
    private List<Candidate> listPeers(Document document, RuleMatcher.Scan scan, List<Candidate> kept) {
        Rule rule = byKind.get("peers");
        List<Candidate> out = new ArrayList<>();
        if (rule == null || kept.isEmpty()) {
            return out;
        }
        int minKnown = Integer.parseInt(rule.param("min_known", "2"));
        int maxItem = Integer.parseInt(rule.param("max_item", "6"));
        Map<Span, Candidate> known = new java.util.HashMap<>();
        Map<Integer, Candidate> knownByEnd = new java.util.HashMap<>();
        for (Candidate c : kept) {
            known.put(c.span(), c);
            knownByEnd.merge(c.span().end(), c, (a, b) -> a.span().length() >= b.span().length() ? a : b);
        }
        String view = document.view().text();
        scan.forEachMatch(rule, m -> {
            int from = document.view().toView(m.groupSpan("items").begin());
            String items = m.group("items");
            List<Span> spans = new ArrayList<>();
            int at = 0;
            for (String item : items.split("、", -1)) {
                Matcher joined = PEER_JOIN.matcher(item);
                if (spans.size() > 0 && joined.matches() && item.length() <= 2 * maxItem + 1) {
                    spans.add(document.view().toSource(from + at, from + at + joined.end(1)));
                    spans.add(document.view().toSource(from + at + joined.start(2), from + at + item.length()));
                } else {
                    spans.add(document.view().toSource(from + at, from + at + item.length()));
                }
                at += item.length() + 1;
            }
            Candidate firstName = knownByEnd.get(spans.get(0).end());
            spans.set(0, firstName != null && firstName.span().begin() >= spans.get(0).begin() ? firstName.span() : null);
            int found = 0;
            for (Span sp : spans) {
                if (sp != null && known.containsKey(sp)) {
                    found++;
                }
            }
            if (found < minKnown) {
                return;
            }
            List<Candidate> peers = new ArrayList<>();
            for (Span sp : spans) {
                if (sp == null || known.containsKey(sp)) {
                    continue;
                }
                String item = document.slice(sp);
                if (sp.length() < 2 || sp.length() > maxItem || boundaries.isPlaceLike(item)
                        || endingWords.contains(item) || item.chars().anyMatch(ch -> NOT_IN_LIST_ITEM.indexOf(ch) >= 0)) {
                    return; // a list of something else, or items not cut cleanly: take none
                }
                peers.add(candidate(document, sp, rule));
            }
            out.addAll(peers);
        });
        return out;
    }

    /** News outlets in datelines and reporter credits (the rule's {@code name} group). */
    private void addMedia(Document document, RuleMatcher.Scan scan, List<Candidate> out) {
        Rule rule = byKind.get("media");
        if (rule != null) {
            org.tiqu.rules.Lexicon common = rules.lexicon("not_media");
            scan.forEachMatch(rule, m -> {
                if (!common.contains(m.group("name"))) {
                    out.add(candidate(document, m.groupSpan("name"), rule));
                }
            });
        }
    }

    /**
     * Names found from their ending or by the tagger obey {@link NameBoundaries}: trimmed of
     * words that cannot start a name, dropped when they cut a word. The tagger's names must also
     * end on a word boundary (the rules' endings are words already). Whole-word sources
     * (gazetteer, short bodies, dictionary words, lists, definitions) need no check.
     */
    private List<Candidate> fixBoundaries(Document document, ClauseWords terms, List<Candidate> found) {
        Rule tagger = byKind.get("tagger");
        List<Candidate> out = new ArrayList<>(found.size());
        for (Candidate c : found) {
            boolean tagged = tagger != null && c.rule().equals(tagger.id());
            boolean fromEnding = c.rule().startsWith("org.suffix-") || c.rule().equals("org.hanlp-recogniser");
            if (!tagged && !fromEnding) {
                out.add(c);
                continue;
            }
            document.deadline().check();
            Span fixed = boundaries.fix(document, terms.around(c.span().begin()), c.span(),
                    tagged || c.rule().equals("org.hanlp-recogniser"));
            if (fixed != null && !fixed.equals(c.span()) && endingWords.contains(document.slice(fixed))) {
                fixed = null; // trimmed to a bare ending (性基金 → 基金): no name
            }
            if (DEBUG && !c.span().equals(fixed)) {
                System.err.println("BOUNDARY " + c.rule() + " " + document.slice(c.span()) + " -> " + (fixed == null ? null : document.slice(fixed)) + " " + terms.around(c.span().begin()).stream().filter(t -> t.span().overlaps(c.span())).map(t -> t.word() + "/" + t.pos()).toList());
            }
            if (fixed == null) {
                continue;
            }
            out.add(fixed.equals(c.span()) ? c
                    : new Candidate(RecordType.ORG, fixed, Value.of("name", document.slice(fixed)), c.rule(), c.priority()));
        }
        return out;
    }

    /**
     * A zone's name directly followed by a body of it names that body (小蓝经开区招商局,
     * 南昌小蓝经开区管委会): the body's word starts where the zone's name ends and ends with a
     * government ending. Needed where the segmenter cuts the zone's ending into pieces (经/p 开/v
     * 区/n), so that the body's own walk to the left stops inside the zone's name.
     */
    private List<Candidate> zoneBodies(Document document, ClauseWords terms, List<Candidate> kept) {
        List<Candidate> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            Span body = null;
            if (zoneEndings.longestSuffixOf(document.slice(c.span())) != null) {
                List<Term> words = terms.around(c.span().end());
                int at = ClauseWords.containing(words, c.span().end());
                if (at >= 0 && words.get(at).span().begin() == c.span().end() && !words.get(at).pos().startsWith("v")
                        && governmentEndings.longestSuffixOf(words.get(at).word()) != null) {
                    body = new Span(c.span().begin(), words.get(at).span().end());
                }
            }
            out.add(body == null ? c
                    : new Candidate(RecordType.ORG, body, Value.of("name", document.slice(body)), c.rule(), c.priority()));
        }
        return out;
    }

    /** Longest stretch tagged at once, in characters. */
    private static final int TAG_WINDOW = 512;

    /** Names the trained tagger finds, sentence by sentence. */
    private void addTagged(Document document, List<Candidate> out) {
        Rule rule = byKind.get("tagger");
        if (rule == null || taggerModel == null) {
            return;
        }
        int[] cps = new int[TAG_WINDOW + 64];
        for (Sentence sentence : document.sentences()) {
            Span s = sentence.span();
            // Long sentences are tagged in windows cut at a clause mark where one is near, so that
            // the time budget is checked as often on hostile input (a million characters, one
            // sentence) as on prose; a name across a cut is rare and lost.
            for (int from = s.begin(); from < s.end(); ) {
                document.deadline().check();
                int to = Math.min(s.end(), from + TAG_WINDOW);
                if (to < s.end()) {
                    for (int k = to - 1; k > to - 64; k--) {
                        if (Document.isClauseMark(document.text().codePointAt(k))) {
                            to = k + 1;
                            break;
                        }
                    }
                }
                int n = to - from;
                for (int i = 0; i < n; i++) {
                    cps[i] = document.text().codePointAt(from + i);
                }
                for (Span found : taggerModel.tag(cps, n)) {
                    Span span = new Span(from + found.begin(), from + found.end());
                    if (taggedNameKept(document.slice(span))) {
                        out.add(candidate(document, span, rule));
                    }
                }
                from = to;
            }
        }
    }

    /**
     * The overlap policy between the tagger and the rules: a tagged name that overlaps a rule's
     * name without containing it is dropped (the rules know zones, short bodies, definitions and
     * their endings' boundaries); one that contains a rule's name competes with it in the
     * resolver, where the longer wins (交通部水运司港口处 over 交通部水运司).
     */
    /**
     * The rules' names and the tagged names that may stand beside them. A tagged name inside a
     * rule's name replaces it when the rule's name reaches over a verb beyond the tagged one
     * (公司收到招标人中国铁塔股份有限公司, 南航集团提升航空): the ending's walk went too far.
     */
    private List<Candidate> besideRuleNames(Document document, ClauseWords terms, List<Candidate> ruleNames, List<Candidate> tagged) {
        List<Candidate> rules = new ArrayList<>(ruleNames);
        java.util.TreeMap<Integer, List<Integer>> indexByBegin = new java.util.TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            indexByBegin.computeIfAbsent(rules.get(i).span().begin(), b -> new ArrayList<>()).add(i);
        }
        for (Candidate t : tagged) {
            document.deadline().check();
            // Rule names that may contain t begin at most 64 characters before it.
            for (List<Integer> at : indexByBegin.subMap(t.span().begin() - 64, true, t.span().begin(), true).values()) {
                for (int i : at) {
                    Candidate r = rules.get(i);
                    if (r.span().length() > t.span().length() && t.span().end() <= r.span().end()
                            && verbOutside(terms.around(r.span().begin()), r.span(), t.span())) {
                        rules.set(i, t);
                    }
                }
            }
        }
        java.util.TreeMap<Integer, Integer> byBegin = new java.util.TreeMap<>(); // begin → longest end
        for (Candidate c : rules) {
            byBegin.merge(c.span().begin(), c.span().end(), Math::max);
        }
        List<Candidate> kept = new ArrayList<>(rules);
        java.util.Set<Candidate> replaced = new java.util.HashSet<>(rules);
        for (Candidate c : tagged) {
            if (!replaced.contains(c) && !crossesRuleName(byBegin, c.span())) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Whether a word of {@code outer} outside {@code inner} is a verb of two characters or more (one-character verbs are often pieces of unknown names: 晶创). */
    private static boolean verbOutside(List<Term> words, Span outer, Span inner) {
        for (Term w : words) {
            if (w.span().begin() >= outer.begin() && w.span().end() <= outer.end()
                    && (w.span().end() <= inner.begin() || w.span().begin() >= inner.end()) && w.pos().startsWith("v") && w.span().length() >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * One name, one meaning per document: a name of three characters or more found once is a
     * name wherever else it occurs on word edges in the same document (格力电器 where the tagger cut
     * 格力). Longer names still win in the resolver.
     */
    private List<Candidate> repeats(Document document, ClauseWords terms, List<Candidate> kept) {
        Rule rule = byKind.get("repeat");
        List<Candidate> out = new ArrayList<>();
        if (rule == null) {
            return out;
        }
        java.util.Set<Span> have = new java.util.HashSet<>();
        WordTrie<Boolean> names = new WordTrie<>();
        boolean any = false;
        for (Candidate c : kept) {
            have.add(c.span());
            if (c.span().length() >= 3 && c.value().get("name").equals(document.slice(c.span()))) {
                names.add(document.slice(c.span()), true);
                any = true;
            }
        }
        if (!any) {
            return out;
        }
        for (Sentence sentence : document.sentences()) {
            for (WordTrie.Hit<Boolean> hit : names.longest(document.text(), sentence.span())) {
                document.deadline().check();
                if (!have.contains(hit.span()) && onWordBoundaries(terms.around(hit.span().begin()), hit.span())) {
                    out.add(candidate(document, hit.span(), rule));
                }
            }
        }
        return out;
    }

    private static boolean crossesRuleName(java.util.TreeMap<Integer, Integer> ruleNames, Span tagged) {
        for (Map.Entry<Integer, Integer> e : ruleNames.headMap(tagged.end(), false).descendingMap().entrySet()) {
            Span rule = new Span(e.getKey(), e.getValue());
            if (rule.overlaps(tagged) && !(tagged.begin() <= rule.begin() && rule.end() <= tagged.end())) {
                return true;
            }
            if (e.getKey() + 64 < tagged.begin()) {
                break; // no rule name is that long
            }
        }
        return false;
    }

    /**
     * Whether a name the tagger found may stand beside the rules' conventions: two characters or
     * more; no punctuation but balanced brackets (天顺风能(苏州)股份有限公司); not a bare ending
     * (代表团, 管委会); and not a zone or park, which the news data the tagger learnt from calls
     * places and the zone rules decide.
     */
    private boolean taggedNameKept(String name) {
        if (name.codePointCount(0, name.length()) < 2) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if (c == ')' || c == '）') {
                if (--depth < 0) {
                    return false;
                }
            } else if (!Character.isLetterOrDigit(c) && c != '·' && c != '&') {
                return false;
            }
        }
        return depth == 0 && zoneEndings.longestSuffixOf(name) == null;
    }

    private static final Pattern LIST_ITEM = Pattern.compile("[^、]+");

    private void addBrandLists(Document document, RuleMatcher.Scan scan, List<Candidate> out) {
        Rule rule = byKind.get("list");
        if (rule == null) {
            return;
        }
        int maxItem = Integer.parseInt(rule.param("max_item", "8"));
        String view = document.view().text();
        int sectorFrequency = Integer.parseInt(rule.param("sector_frequency", "10"));
        scan.forEachMatch(rule, m -> {
            String group = m.group("list") != null ? "list" : m.group("list2") != null ? "list2"
                    : m.group("list3") != null ? "list3" : "list4";
            if (group.equals("list4")) {
                // A bare list before 等企业 may list sectors (钢铁、煤炭等企业): no item may be a frequent common word.
                for (String item : m.group(group).split("、")) {
                    if (org.tiqu.document.hanlp.HanlpDictionary.core().isCommonWord(item, sectorFrequency)) {
                        return;
                    }
                }
            }
            int from = document.view().toView(m.groupSpan(group).begin());
            Matcher item = LIST_ITEM.matcher(view).region(from, from + m.group(group).length());
            while (item.find()) {
                int length = item.group().codePointCount(0, item.group().length());
                if (length >= 2 && length <= maxItem) {
                    out.add(candidate(document, document.view().toSource(item.start(), item.end()), rule));
                }
            }
        });
    }

    /** Drops names inside titles, quotes and event names, generic nouns and known non-names. */
    private List<Candidate> dropNonNames(Document document, RuleMatcher.Scan scan, List<Candidate> found) {
        List<Span> blocked = new ArrayList<>();
        Rule block = byKind.get("block");
        if (block != null) {
            scan.forEachMatch(block, m -> blocked.add(m.span()));
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            document.deadline().check();
            String surface = document.slice(c.span());
            if (lex.notOrg().contains(surface) || lex.genericAnaphors().contains(surface)) {
                continue;
            }
            if (overlapsAny(blocked, c.span())) {
                continue;
            }
            if (startsEventName(document, c.span()) || describesOrAdjective(document, c.span(), surface)) {
                continue;
            }
            kept.add(c);
        }
        return kept;
    }

    /**
     * Whether a name is an adjective's or a category's stem (政府性基金: a name followed by 性 or
     * 化), a venue (会展中心: a place), or a description (西北最大…中心).
     */
    private boolean describesOrAdjective(Document document, Span span, String surface) {
        if (span.end() < document.text().length()
                && adjectivalAfter.contains(new String(Character.toChars(document.text().codePointAt(span.end()))))) {
            return true;
        }
        if (venueEndings.longestSuffixOf(surface) != null) {
            return true;
        }
        for (String w : descriptiveWords) {
            if (surface.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code span} overlaps one of {@code spans}, which follow one another (a rule's matches): a binary search. */
    private static boolean overlapsAny(List<Span> spans, Span span) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) { // the first span ending after span begins
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).end() <= span.begin()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < spans.size() && spans.get(lo).overlaps(span);
    }

    private boolean startsEventName(Document document, Span name) {
        String view = document.view().text();
        int at = document.view().toView(name.end());
        int end = Math.min(view.length(), at + 14);
        if (!mayHoldEventEnding(view, at, end)) {
            return false; // most names: the regex would fail, only slower
        }
        Matcher m = eventAfter.matcher(view).region(at, end);
        return m.lookingAt() && !m.group(1).contains("的");
    }

    private boolean mayHoldEventEnding(String view, int from, int to) {
        for (int i = from; i < to; i++) {
            if (eventEndingStarts.get(view.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Finds 以下简称 definitions and gives the short form, from its definition on, the full name. */
    private List<Candidate> applyAbbreviations(Document document, RuleMatcher.Scan scan, List<Candidate> kept) {
        Rule rule = byKind.get("abbreviation");
        List<Abbreviation> defined = new ArrayList<>();
        if (rule != null) {
            scan.forEachMatch(rule, m -> {
                Candidate full = longestEndingAt(kept, m.span().begin());
                if (full != null) {
                    defined.add(new Abbreviation(m.group("abbr"), m.groupSpan("abbr"), full.value().get("name")));
                }
            });
        }
        if (defined.isEmpty()) {
            return kept;
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : kept) {
            document.deadline().check();
            Abbreviation a = definitionOf(defined, document.slice(c.span()), c.span());
            out.add(a == null ? c : new Candidate(c.type(), c.span(), Value.of("name", a.fullName()), c.rule(), c.priority()));
        }
        String view = document.view().text();
        for (Abbreviation a : defined) {
            int from = document.view().toView(a.shortSpan().begin());
            for (int at = view.indexOf(a.shortForm(), from); at >= 0; at = view.indexOf(a.shortForm(), at + a.shortForm().length())) {
                document.deadline().check();
                Span use = document.view().toSource(at, at + a.shortForm().length());
                if (definitionOf(defined, document.slice(use), use) == a) {
                    out.add(new Candidate(RecordType.ORG, use, Value.of("name", a.fullName()), rule.id(), rule.priority()));
                }
            }
        }
        return out;
    }

    /** The latest definition of {@code surface} made at or before {@code at}, or null. */
    private static Abbreviation definitionOf(List<Abbreviation> defined, String surface, Span at) {
        Abbreviation best = null;
        for (Abbreviation a : defined) {
            if (a.shortForm().equals(surface) && a.shortSpan().begin() <= at.begin()) {
                best = a;
            }
        }
        return best;
    }

    private static Candidate longestEndingAt(List<Candidate> candidates, int end) {
        return candidates.stream().filter(c -> c.span().end() == end)
                .max(Comparator.comparingInt(c -> c.span().length())).orElse(null);
    }

    private static Candidate candidate(Document document, Span span, Rule rule) {
        return new Candidate(RecordType.ORG, span, Value.of("name", document.slice(span)), rule.id(), rule.priority());
    }
}
