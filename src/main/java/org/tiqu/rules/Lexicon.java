package org.tiqu.rules;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A named table of words with their values, usable in patterns as an alternation. */
public final class Lexicon {

    private final String name;
    private final Map<String, String> entries;

    public Lexicon(String name, Map<String, String> entries) {
        this.name = name;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
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

    /** The words as one regex alternation, longest first so that 平方公里 wins over 公里. */
    public String regex() {
        return entries.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?:", ")"));
    }
}
