package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tiqu.text.Span;

/**
 * Words of a lexicon found in a text with a trie over code points: one map step per character,
 * and spans that are code-point spans with no conversion. Used for the gazetteer (where a name
 * HanLP splits differently, 国台/办, is still found) and for the name endings.
 *
 * <p>OpenNLP's {@code DictionaryNameFinder} does leftmost-longest matching too, but builds,
 * interns and lower-cases a {@code StringList} for every window it tries; measured here it ran
 * at about 0.15 M characters a second, which alone would use up the pipeline's speed budget.
 * Java regex alternations of the lexicon words cost one comparison per word and position.
 *
 * @param <V> what each word stands for (a canonical name, a rule)
 */
final class WordTrie<V> {

    /** A word found: where, and what it stands for. */
    record Hit<V>(Span span, String word, V value) {
    }

    private static final class Node<V> {
        final Map<Integer, Node<V>> next = new HashMap<>();
        String word;
        V value;
    }

    private final Node<V> root = new Node<>();

    /** Adds {@code word}; a word added twice keeps its first value. */
    void add(String word, V value) {
        Node<V> node = root;
        for (int cp : word.codePoints().toArray()) {
            node = node.next.computeIfAbsent(cp, c -> new Node<>());
        }
        if (node.word == null) {
            node.word = word;
            node.value = value;
        }
    }

    /** Leftmost-longest words of {@code text}, not overlapping, spans shifted by {@code base}. */
    List<Hit<V>> longest(String text, int base) {
        return scan(text, base, false);
    }

    /** Every word of {@code text} at every start, overlapping ones included. */
    List<Hit<V>> all(String text, int base) {
        return scan(text, base, true);
    }

    private List<Hit<V>> scan(String text, int base, boolean all) {
        int[] cps = text.codePoints().toArray();
        List<Hit<V>> out = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            Hit<V> longest = null;
            Node<V> node = root;
            for (int j = i; j < cps.length; j++) {
                node = node.next.get(cps[j]);
                if (node == null) {
                    break;
                }
                if (node.word != null) {
                    longest = new Hit<>(new Span(base + i, base + j + 1), node.word, node.value);
                    if (all) {
                        out.add(longest);
                    }
                }
            }
            if (!all && longest != null) {
                out.add(longest);
                i += longest.span().length();
            } else {
                i++;
            }
        }
        return out;
    }
}
