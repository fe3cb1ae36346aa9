package org.tiqu.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * All rules files of a rules folder, loaded and checked: the knowledge the
 * extractors run on. Immutable once loaded, and shared by every thread.
 */
public final class RuleBook {

    private final Path dir;
    private final Map<String, RuleFile> files;
    private final String sha256;

    RuleBook(Path dir, Map<String, RuleFile> files, String sha256) {
        this.dir = dir;
        this.files = Collections.unmodifiableMap(files);
        this.sha256 = sha256;
    }

    public Path dir() {
        return dir;
    }

    /** Files by namespace, in file-name order. */
    public Map<String, RuleFile> files() {
        return files;
    }

    public boolean has(String namespace) {
        return files.containsKey(namespace);
    }

    public RuleFile file(String namespace) {
        RuleFile file = files.get(namespace);
        if (file == null) {
            throw new RuleException(dir, 0, "no rules file with namespace '" + namespace + "'");
        }
        return file;
    }

    /** A lexicon by its full name, {@code namespace.name}. */
    public Lexicon lexicon(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("lexicon names are namespace.name: " + qualifiedName);
        }
        return file(qualifiedName.substring(0, dot)).lexicon(qualifiedName.substring(dot + 1));
    }

    public List<Rule> allRules() {
        List<Rule> all = new ArrayList<>();
        files.values().forEach(f -> all.addAll(f.rules()));
        return all;
    }

    /** A digest of every rules file's name and bytes: when it changes, outputs may change. */
    public String sha256() {
        return sha256;
    }
}
