package org.tiqu.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tiqu.record.RecordType;

/** The compiled content of one rules file. */
public final class RuleFile {

    private final Path path;
    private final String namespace;
    private final RecordType type;
    private final Map<String, Lexicon> lexicons;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> patterns = new LinkedHashMap<>();

    RuleFile(Path path, String namespace, RecordType type, Map<String, Lexicon> lexicons) {
        this.path = path;
        this.namespace = namespace;
        this.type = type;
        this.lexicons = Collections.unmodifiableMap(lexicons);
    }

    void add(Rule rule) {
        rules.add(rule);
    }

    void addPattern(String name, String regex) {
        patterns.put(name, regex);
    }

    /** The expanded regex of named sub-pattern {@code name} (every reference replaced), for code that matches it directly. */
    public String pattern(String name) {
        String regex = patterns.get(name);
        if (regex == null) {
            throw new IllegalArgumentException(path + ": no pattern '" + name + "'");
        }
        return regex;
    }

    public Path path() {
        return path;
    }

    public String namespace() {
        return namespace;
    }

    /** The record type its rules produce, or null for a file of shared pieces. */
    public RecordType type() {
        return type;
    }

    /** Active rules, in file order. */
    public List<Rule> rules() {
        return Collections.unmodifiableList(rules);
    }

    /** Lexicons by their short name (without the namespace). */
    public Map<String, Lexicon> lexicons() {
        return lexicons;
    }

    /**
     * Checks that every rule's {@code kind} is one the file's extractor knows, so that a
     * typo in a rules file fails at load with its line rather than being ignored.
     */
    public void requireKinds(Set<String> kinds) {
        for (Rule rule : rules) {
            if (!kinds.contains(rule.kind())) {
                throw new RuleException(path, rule.line(), "rule " + rule.id() + ": unknown kind '" + rule.kind()
                        + "', expected one of " + new TreeSet<>(kinds));
            }
        }
    }

    public Lexicon lexicon(String name) {
        Lexicon lexicon = lexicons.get(name);
        if (lexicon == null) {
            throw new IllegalArgumentException(path + ": no lexicon '" + name + "'");
        }
        return lexicon;
    }
}
