package org.tiqu.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/** The project's standard pipeline, loaded once per test JVM from {@code rules/}. */
public final class TestPipelines {

    private static Pipeline standard;

    private TestPipelines() {
    }

    public static synchronized Pipeline standard() {
        if (standard == null) {
            standard = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
        }
        return standard;
    }

    public static SourceText source(String id, String text) {
        return new SourceText(id, Path.of(id + ".txt"), text, SourceReader.UTF_8,
                SourceReader.sha256(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Runs the standard pipeline on {@code text} and checks every record's invariants. */
    public static DocumentResult run(String text, LocalDate referenceDate) {
        DocumentResult result = standard().process(source("t", text), referenceDate);
        RecordInvariants.check(result);
        return result;
    }

    public static DocumentResult run(String text) {
        return run(text, null);
    }
}
