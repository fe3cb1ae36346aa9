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

    /**
     * The tagger in {@code file} with HanLP's core dictionary as word evidence. HanLP's dictionary
     * is first touched when the first sentence is tagged, not here: loading it is the background
     * preload's job, and running out of heap there is reported with its fix.
     */
    public static OrgTagger load(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return OrgTagger.load(f, HanlpDictionary.core());
            } catch (IOException e) {
                throw new RuleException(f, 0, "cannot load the ORG tagger model: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
                // HanLP's dictionaries load at the same time on the preload thread and take most of it.
                throw new org.tiqu.TiquException("HanLP's dictionaries do not fit in the " + maxMb + " MB heap beside the ORG tagger model "
                        + f.getFileName() + " (set a larger one with TIQU_JAVA_OPTS=\"-Xmx2g\")");
            }
        });
    }
}
