package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.tiqu.record.Record;
import org.tiqu.testing.RecordInvariants;
import org.tiqu.testing.TestPipelines;

/**
 * Every article of the unannotated news sample ({@code ../shared/benchmarks/corpus/cnews-sample.jsonl},
 * 438 articles, about 477,000 characters) goes through the standard pipeline without an
 * exception, every record grounded and no two mentions overlapping; the whole run must
 * stay well under a minute.
 */
class CorpusRobustnessTest {

    private static final Path CORPUS = Path.of("..", "shared", "benchmarks", "corpus", "cnews-sample.jsonl");

    @Test
    void everyArticleRunsAndEveryRecordIsGrounded() throws Exception {
        List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 400, "corpus sample too small: " + lines.size());
        ObjectMapper json = new ObjectMapper();
        TestPipelines.standard(); // load rules and HanLP outside the timed part
        Map<String, Integer> counts = new TreeMap<>();
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(45), () -> {
            for (String line : lines) {
                var article = json.readTree(line);
                String id = article.get("id").asText().replaceAll("[^A-Za-z0-9]+", "_");
                DocumentResult result = TestPipelines.standard().process(TestPipelines.source(id, article.get("text").asText()), null);
                RecordInvariants.check(result);
                for (Record r : result.records()) {
                    counts.merge(r.type().name(), 1, Integer::sum);
                }
            }
        });
        System.out.printf("corpus: %d articles in %d ms, records %s%n", lines.size(),
                (System.nanoTime() - started) / 1_000_000, counts);
    }
}
