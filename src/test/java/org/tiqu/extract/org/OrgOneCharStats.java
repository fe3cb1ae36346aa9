package org.tiqu.extract.org;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleFile;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.Span;

/** On demand: in clauses whose only cues are one-character endings, how each ending's next character fares. */
public final class OrgOneCharStats {
    public static void main(String[] args) throws Exception {
        RuleFile rules = new RulesLoader().load(Path.of("rules")).file("org");
        SuffixGrammar grammar = new SuffixGrammar(OrgLexicons.of(rules));
        WordTrie<Rule> endings = new WordTrie<>();
        for (Rule rule : rules.rules()) {
            if ("suffix".equals(rule.kind())) {
                rules.lexicon(rule.param("lexicon", "")).entries().keySet().forEach(w -> endings.add(w, rule));
            }
        }
        HanlpSegmenter plain = HanlpSegmenter.plain();
        Map<String, int[]> next = new TreeMap<>();
        Map<String, int[]> prev = new TreeMap<>();
        for (String folder : new String[] {"seeds", "/tmp/cn/in"}) {
            for (Path p : Files.list(Path.of(folder)).filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Document d = new Document(new SourceText("x", p, Files.readString(p, StandardCharsets.UTF_8), SourceReader.UTF_8, "", false), plain, null);
                for (Sentence s : d.sentences()) {
                    Map<Integer, List<WordTrie.Hit<Rule>>> byClause = new HashMap<>();
                    for (WordTrie.Hit<Rule> hit : endings.all(d.slice(s.span()), s.span().begin())) {
                        byClause.computeIfAbsent(Document.clauseAt(d.text(), s.span(), hit.span().begin()).begin(), k -> new ArrayList<>()).add(hit);
                    }
                    for (List<WordTrie.Hit<Rule>> hits : byClause.values()) {
                        if (hits.stream().anyMatch(h -> h.span().length() > 1)) {
                            continue;
                        }
                        for (WordTrie.Hit<Rule> hit : hits) {
                            Rule rule = hit.value();
                            SuffixGrammar.Options o = new SuffixGrammar.Options(
                                    SuffixGrammar.Distinctive.valueOf(rule.param("distinctive", "none").toUpperCase(java.util.Locale.ROOT)),
                                    Boolean.parseBoolean(rule.param("stop_at_names", "false")), Boolean.parseBoolean(rule.param("place_before", "false")));
                            Span name = grammar.nameEndingWith(d.segment(s.span()), hit.span(), o);
                            int b = hit.span().begin();
                            String n = hit.word() + (hit.span().end() < s.span().end() ? new String(Character.toChars(d.text().codePointAt(hit.span().end()))) : "$");
                            String pv = (b > s.span().begin() ? new String(Character.toChars(d.text().codePointAt(b - 1))) : "^") + hit.word();
                            for (var e : List.of(Map.entry(n, next), Map.entry(pv, prev))) {
                                int[] c = e.getValue().computeIfAbsent(e.getKey(), k -> new int[2]);
                                c[0]++;
                                if (name != null) {
                                    c[1]++;
                                    if (args.length > 0) System.out.println("NAME " + d.slice(name) + "  ctx " + e.getKey());
                                }
                            }
                        }
                    }
                }
            }
        }
        for (var m : List.of(next, prev)) {
            System.out.println("----");
            m.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(60)
                    .forEach(e -> System.out.print(e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1] + "  "));
            System.out.println();
        }
    }
}
