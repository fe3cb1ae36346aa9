package org.tiqu.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named table of words with their values, usable in patterns as an alternation. */
public final class Lexicon {

    private final String name;
    private final Map<String, String> entries;
    private final int longestWord;
    /** The words, and the words reversed, as tries of UTF-16 units, for prefix and suffix look-ups. */
    private final CharTrie forward;
    private final CharTrie backward;

    public Lexicon(String name, Map<String, String> entries) {
        this.name = name;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.longestWord = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.forward = CharTrie.of(this.entries.keySet(), false);
        this.backward = CharTrie.of(this.entries.keySet(), true);
    }

    /**
     * The longest word that {@code text} starts with, or null. Walks a trie of the words one
     * character at a time (a hash look-up per length, with a substring each, cost more than the
     * linking around it: the subject resolver asks this at nearly every character).
     */
    public String longestPrefixOf(String text) {
        int n = prefixLength(text, 0, text.length());
        return n == 0 ? null : text.substring(0, n);
    }

    /** The longest word that {@code text} ends with, or null: a trie of the reversed words, walked from the end. */
    public String longestSuffixOf(String text) {
        int n = suffixLength(text, 0, text.length());
        return n == 0 ? null : text.substring(text.length() - n);
    }

    /**
     * The length of the longest word that {@code text[from, to)} starts with, 0 for none: what
     * {@code longestPrefixOf(text.substring(from, to))} finds, without the substring.
     */
    public int prefixLength(String text, int from, int to) {
        return forward.longestMatch(text, from, 1, Math.min(longestWord, to - from));
    }

    /**
     * The length of the longest word that {@code text[from, to)} ends with, 0 for none: what
     * {@code longestSuffixOf(text.substring(from, to))} finds, without the substring.
     */
    public int suffixLength(String text, int from, int to) {
        return backward.longestMatch(text, to - 1, -1, Math.min(longestWord, to - from));
    }

    /** The length of the longest word, in UTF-16 units. */
    public int longestWord() {
        return longestWord;
    }

    /** {@code namespace.name}. */
    public String name() {
        return name;
    }

    public Map<String, String> entries() {
        return entries;
    }

    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    /** The value of {@code word}, or null when it is not in the lexicon. */
    public String get(String word) {
        return entries.get(word);
    }

    /**
     * The words as one regex alternation that tries the longest word first, so that 平方公里
     * wins over 公里 — shaped as a trie ({@code 人(?:次)?|[个件]}) rather than a list of
     * words, so that an attempt reads each character once instead of testing every word:
     * units and cue lists run to hundreds of words, tried at every number. Of the words that
     * match at a place, which are prefixes of one another, the trie tries the longer first,
     * exactly as a longest-first list does.
     */
    public String regex() {
        TrieNode root = new TrieNode();
        entries.keySet().forEach(root::add);
        return "(?:" + root.alternatives() + ")" + (root.terminal ? "?" : "");
    }

    /** One node of the words' trie, children by code point. */
    private static final class TrieNode {
        private final java.util.TreeMap<Integer, TrieNode> children = new java.util.TreeMap<>();
        private boolean terminal;

        void add(String word) {
            TrieNode node = this;
            for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
                node = node.children.computeIfAbsent(word.codePointAt(i), c -> new TrieNode());
            }
            node.terminal = true;
        }

        /** The children as alternatives; at most one can match the next character, so order is free. */
        String alternatives() {
            java.util.List<String> leaves = new java.util.ArrayList<>();
            java.util.List<String> branches = new java.util.ArrayList<>();
            children.forEach((c, child) -> {
                if (child.children.isEmpty()) {
                    leaves.add(literal(c));
                } else {
                    // Greedy: the longer words through this character first, then the word ending here.
                    branches.add(literal(c) + "(?:" + child.alternatives() + ")" + (child.terminal ? "?" : ""));
                }
            });
            if (!leaves.isEmpty()) {
                branches.add(0, leaves.size() == 1 ? leaves.get(0) : "[" + String.join("", leaves) + "]");
            }
            return String.join("|", branches);
        }

        /** A code point as a regex literal, inside or outside a character class. */
        private static String literal(int c) {
            boolean plain = c > 127 ? !Character.isWhitespace(c) : Character.isLetterOrDigit(c);
            return plain ? new String(Character.toChars(c)) : "\\" + (char) c;
        }
    }

    /**
     * A trie of words by UTF-16 unit, children in sorted arrays (no boxing, no substrings):
     * {@link #longestMatch} gives the length of the longest word read from a start in one
     * direction, exactly what a hash look-up per length, longest first, gives.
     */
    private static final class CharTrie {
        private char[] keys = new char[0];
        private CharTrie[] children = new CharTrie[0];
        private boolean terminal;

        static CharTrie of(java.util.Collection<String> words, boolean reversed) {
            CharTrie root = new CharTrie();
            for (String word : words) {
                CharTrie node = root;
                for (int k = 0; k < word.length(); k++) {
                    node = node.child(word.charAt(reversed ? word.length() - 1 - k : k));
                }
                node.terminal = true;
            }
            return root;
        }

        private CharTrie child(char ch) {
            int i = java.util.Arrays.binarySearch(keys, ch);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            CharTrie[] c = new CharTrie[children.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(children, 0, c, 0, at);
            k[at] = ch;
            c[at] = new CharTrie();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(children, at, c, at + 1, children.length - at);
            keys = k;
            children = c;
            return c[at];
        }

        /** The length of the longest word (of at most {@code max} units) read from {@code start} by {@code step}; 0 for none. */
        int longestMatch(String text, int start, int step, int max) {
            CharTrie node = this;
            int best = 0;
            for (int n = 1, i = start; n <= max; n++, i += step) {
                int k = java.util.Arrays.binarySearch(node.keys, text.charAt(i));
                if (k < 0) {
                    break;
                }
                node = node.children[k];
                if (node.terminal) {
                    best = n;
                }
            }
            return best;
        }
    }
}
