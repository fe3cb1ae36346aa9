package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;

import org.tiqu.document.hanlp.HanlpSegmenter;

/**
 * Every word of more than one character that HanLP's core and custom dictionaries can tag as an
 * organisation (a nature starting with nt, in any position): the {@code hanlp_organisations}
 * lexicon of {@code rules/org.yaml}, which tells the ORG extractor where HanLP's dictionary
 * organisations may be. {@code main} prints the lexicon; {@link HanlpOrganisationWordsTest}
 * fails when the rules file and the dictionaries part.
 *
 * <p>HanLP has no way to list a dictionary, so this walks its double-array tries: the children
 * of the state {@code b} are the cells {@code p} with {@code check[p] == b}, reached by the
 * character {@code p - b - 1}; the cell {@code p == b} with a negative base ends a word.
 */
public final class HanlpOrganisationWords {

    public static Set<String> all() {
        HanlpSegmenter.plain().segment("载入词典"); // loads both dictionaries
        Set<String> out = new TreeSet<>();
        for (DoubleArrayTrie<CoreDictionary.Attribute> dat : List.of(CoreDictionary.trie, CustomDictionary.DEFAULT.dat)) {
            for (String word : words(dat)) {
                CoreDictionary.Attribute a = dat.get(word);
                if (a != null && word.length() > 1 && !word.contains("##")
                        && Arrays.stream(a.nature).anyMatch(n -> n.toString().startsWith("nt"))) {
                    out.add(word);
                }
            }
        }
        if (CustomDictionary.DEFAULT.trie != null && CustomDictionary.DEFAULT.trie.size() > 0) {
            throw new IllegalStateException("words added to HanLP's custom dictionary at run time are not listed");
        }
        return out;
    }

    private static List<String> words(DoubleArrayTrie<?> dat) {
        int[] base = dat.getBase();
        int[] check = dat.getCheck();
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (int p = 0; p < check.length; p++) {
            if (check[p] != 0) {
                children.computeIfAbsent(check[p], k -> new ArrayList<>()).add(p);
            }
        }
        List<String> out = new ArrayList<>();
        walk(base, children, base[0], new StringBuilder(), out);
        if (out.size() != dat.size()) {
            throw new IllegalStateException("walked " + out.size() + " words of " + dat.size());
        }
        return out;
    }

    private static void walk(int[] base, Map<Integer, List<Integer>> children, int state, StringBuilder prefix, List<String> out) {
        for (int p : children.getOrDefault(state, List.of())) {
            if (p == state) {
                if (base[p] < 0) {
                    out.add(prefix.toString());
                }
                continue;
            }
            int c = p - state - 1;
            if (c < 0 || c > Character.MAX_VALUE || base[p] == state) {
                continue;
            }
            prefix.append((char) c);
            walk(base, children, base[p], prefix, out);
            prefix.setLength(prefix.length() - 1);
        }
    }

    /** Prints the lexicon as it stands in rules/org.yaml. */
    public static void main(String[] args) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : all()) {
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(w);
            if (line.length() > 60) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        System.out.println("  hanlp_organisations: [" + String.join(",\n                        ", lines) + "]");
    }
}
