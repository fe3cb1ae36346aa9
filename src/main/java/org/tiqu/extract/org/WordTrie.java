package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tiqu.text.CodePointText;
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

    /**
     * Children in a sorted code-point array searched by bisection: no boxing and no hashing per
     * character, which made a map-based trie a fifth of the extractor's time. Filled while the
     * extractor is built, read-only after.
     */
    private static final class Node<V> {
        int[] keys = new int[0];
        @SuppressWarnings("unchecked")
        Node<V>[] children = new Node[0];
        String word;
        V value;

        Node<V> child(int cp) {
            int i = Arrays.binarySearch(keys, cp);
            return i >= 0 ? children[i] : null;
        }

        Node<V> childOrNew(int cp) {
            int i = Arrays.binarySearch(keys, cp);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            Node<V> node = new Node<>();
            keys = insert(keys, at, cp);
            Node<V>[] grown = Arrays.copyOf(children, children.length + 1);
            System.arraycopy(children, at, grown, at + 1, children.length - at);
            grown[at] = node;
            children = grown;
            return node;
        }

        private static int[] insert(int[] a, int at, int value) {
            int[] grown = new int[a.length + 1];
            System.arraycopy(a, 0, grown, 0, at);
            grown[at] = value;
            System.arraycopy(a, at, grown, at + 1, a.length - at);
            return grown;
        }
    }

    private final Node<V> root = new Node<>();
    /** The first characters of the words, as bits over the Basic Multilingual Plane. */
    private final long[] firstChars = new long[0x10000 / 64];

    /** Adds {@code word}; a word added twice keeps its first value. */
    void add(String word, V value) {
        int first = word.codePointAt(0);
        if (first < 0x10000) {
            firstChars[first >>> 6] |= 1L << first;
        }
        Node<V> node = root;
        for (int cp : word.codePoints().toArray()) {
            node = node.childOrNew(cp);
        }
        if (node.word == null) {
            node.word = word;
            node.value = value;
        }
    }

    /** Leftmost-longest words of {@code text}, not overlapping, spans shifted by {@code base}. */
    List<Hit<V>> longest(String text, int base) {
        return scan(new CodePointText(text), new Span(0, text.codePointCount(0, text.length())), base, false);
    }

    /** Every word of {@code text} at every start, overlapping ones included. */
    List<Hit<V>> all(String text, int base) {
        return scan(new CodePointText(text), new Span(0, text.codePointCount(0, text.length())), base, true);
    }

    /** Leftmost-longest words within {@code range} of {@code text}, with spans in {@code text}. */
    List<Hit<V>> longest(CodePointText text, Span range) {
        return scan(text, range, 0, false);
    }

    /** Every word within {@code range} of {@code text}, overlapping ones included, with spans in {@code text}. */
    List<Hit<V>> all(CodePointText text, Span range) {
        return scan(text, range, 0, true);
    }

    private List<Hit<V>> scan(CodePointText text, Span range, int shift, boolean all) {
        List<Hit<V>> out = new ArrayList<>();
        int end = range.end();
        int i = range.begin();
        while (i < end) {
            if (!mayStart(text.codePointAt(i))) {
                i++;
                continue;
            }
            Hit<V> longest = null;
            Node<V> node = root;
            for (int j = i; j < end; j++) {
                node = node.child(text.codePointAt(j));
                if (node == null) {
                    break;
                }
                if (node.word != null) {
                    longest = new Hit<>(new Span(shift + i, shift + j + 1), node.word, node.value);
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

    /** Whether a word may start with {@code cp}: one bit test for the characters of most text, which start none. */
    private boolean mayStart(int cp) {
        return cp >= 0x10000 || (firstChars[cp >>> 6] & (1L << cp)) != 0;
    }
}
