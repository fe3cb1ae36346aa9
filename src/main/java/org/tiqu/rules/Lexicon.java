package org.tiqu.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named table of words with their values, usable in patterns as an alternation. */
public final class Lexicon {

    private final String name;
    private final Map<String, String> entries;
    private final int longestWord;

    public Lexicon(String name, Map<String, String> entries) {
        this.name = name;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.longestWord = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The longest word that {@code text} starts with, or null: a hash lookup per length, longest first. */
    public String longestPrefixOf(String text) {
        for (int n = Math.min(longestWord, text.length()); n > 0; n--) {
            String head = text.substring(0, n);
            if (entries.containsKey(head)) {
                return head;
            }
        }
        return null;
    }

    /** The longest word that {@code text} ends with, or null. */
    public String longestSuffixOf(String text) {
        for (int n = Math.min(longestWord, text.length()); n > 0; n--) {
            String tail = text.substring(text.length() - n);
            if (entries.containsKey(tail)) {
                return tail;
            }
        }
        return null;
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
}
