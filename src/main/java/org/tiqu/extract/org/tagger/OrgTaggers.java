package org.tiqu.extract.org.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tiqu.document.hanlp.HanlpDictionary;
import org.tiqu.rules.RuleException;

/** Loads each model file once per process, however many pipelines are built (tests build many). */
public final class OrgTaggers {

    private static final Map<Path, OrgTagger> LOADED = new ConcurrentHashMap<>();

    private OrgTaggers() {
    }

    /** The tagger in {@code file} with HanLP's core dictionary as word evidence. */
    public static OrgTagger load(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return OrgTagger.load(f, HanlpDictionary.core());
            } catch (IOException e) {
                throw new RuleException(f, 0, "cannot load the ORG tagger model: " + e.getMessage());
            }
        });
    }
}
