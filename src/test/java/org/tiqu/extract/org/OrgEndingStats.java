package org.tiqu.extract.org;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** On demand: per name ending, how many hits the corpus has and how many the grammar turns into names. */
public final class OrgEndingStats {
    public static void main(String[] args) throws Exception {
        RuleFile rules = new RulesLoader().load(Path.of("rules")).file("org");
        OrgLexicons lex = OrgLexicons.of(rules);
        SuffixGrammar grammar = new SuffixGrammar(lex);
        WordTrie<Rule> endings = new WordTrie<>();
        for (Rule rule : rules.rules()) {
            if ("suffix".equals(rule.kind())) {
                rules.lexicon(rule.param("lexicon", "")).entries().keySet().forEach(w -> endings.add(w, rule));
            }
        }
        HanlpSegmenter plain = HanlpSegmenter.plain();
        Map<String, int[]> stats = new TreeMap<>();
        for (String folder : new String[] {"seeds", "/tmp/cn/in"}) {
            for (Path p : Files.list(Path.of(folder)).filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Document d = new Document(new SourceText("x", p, Files.readString(p, StandardCharsets.UTF_8), SourceReader.UTF_8, "", false), plain, null);
                for (Sentence s : d.sentences()) {
                    for (WordTrie.Hit<Rule> hit : endings.all(d.slice(s.span()), s.span().begin())) {
                        Rule rule = hit.value();
                        SuffixGrammar.Options o = new SuffixGrammar.Options(
                                SuffixGrammar.Distinctive.valueOf(rule.param("distinctive", "none").toUpperCase(java.util.Locale.ROOT)),
                                Boolean.parseBoolean(rule.param("stop_at_names", "false")), Boolean.parseBoolean(rule.param("place_before", "false")));
                        Span name = grammar.nameEndingWith(d.segment(s.span()), hit.span(), o);
                        int[] c = stats.computeIfAbsent(hit.word(), w -> new int[3]);
                        c[0]++;
                        if (name != null) c[1]++;
                        if (ClauseWords.endingAt(d.segment(s.span()), hit.span().end()) >= 0) c[2]++;
                    }
                }
            }
        }
        stats.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0])
                .forEach(e -> System.out.println(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\t" + e.getValue()[2]));
    }
}
