package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.tiqu.document.Deadline;
import org.tiqu.document.Document;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.time.DateExtractor;
import org.tiqu.extract.time.TimeReferenceInference;
import org.tiqu.output.RecordJson;
import org.tiqu.record.Record;
import org.tiqu.source.SourceText;
import org.tiqu.testing.TestPipelines;

/**
 * Case 1: every stage looks at the document's deadline, so that none can hold a batch past a
 * document's budget: given a document whose time is already up, each stage stops at once.
 */
class DeadlineEveryStageTest {

    @Test
    void eachStageStopsADocumentWhoseTimeIsUp() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                text.append(Files.readString(seed, StandardCharsets.UTF_8)).append('\n');
            }
        }
        SourceText source = TestPipelines.source("seeds", text.toString().repeat(3));
        Pipeline pipeline = TestPipelines.standard();
        DocumentResult result = pipeline.process(source, null);
        assertTrue(result.records().size() > 1024, "enough records to write in more than one go");

        List<String> stages = new ArrayList<>();
        for (Extractor extractor : pipeline.extractors()) {
            assertThrows(Deadline.Exceeded.class, () -> extractor.extract(expired(source)), extractor.name());
            stages.add(extractor.name());
            if (extractor instanceof DateExtractor dates) {
                assertThrows(Deadline.Exceeded.class, () -> new TimeReferenceInference(dates).infer(expired(source)));
            }
        }
        assertTrue(stages.containsAll(List.of("percent", "money", "quantity", "date", "duration", "org")), stages.toString());
        assertThrows(Deadline.Exceeded.class, () -> pipeline.linker().link(expired(source), result.mentions()), "link");
        List<Record> records = result.records();
        assertThrows(Deadline.Exceeded.class, () -> RecordJson.writeLines(records, OutputStream.nullOutputStream(),
                expired(source).deadline()), "write");
        assertThrows(Deadline.Exceeded.class, () -> pipeline.process(source, null, expired(source).deadline()), "whole");
    }

    /** A document of {@code source} whose budget is already spent. */
    private static Document expired(SourceText source) throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofNanos(1));
        Thread.sleep(1);
        return new Document(source, HanlpSegmenter.plain(), null, deadline);
    }
}
