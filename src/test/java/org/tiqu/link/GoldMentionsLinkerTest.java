package org.tiqu.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.pipeline.Pipeline;
import org.tiqu.testing.TestPipelines;

/**
 * The linker on the gold mentions of the seeds and of the development set ("linker on
 * gold mentions"): its quality independent of the extractors. Prints the scorer's table
 * and holds the floors of {@code gold-linker-floors.properties} (seeds) and
 * {@code gold-linker-dev-floors.properties} (dev, 29 reports no rule was written against).
 */
class GoldMentionsLinkerTest {

    @Test
    void linkerOnSeedsGoldMentionsHoldsItsFloors(@TempDir Path out) throws Exception {
        holdsFloors("seeds", "gold-linker-floors.properties", out);
    }

    @Test
    void linkerOnDevGoldMentionsHoldsItsFloors(@TempDir Path out) throws Exception {
        holdsFloors("dev", "gold-linker-dev-floors.properties", out);
    }

    private void holdsFloors(String set, String floorsFile, Path out) throws Exception {
        Path gold = GoldMentionsLinker.SHARED.resolve("gold").resolve(set);
        Pipeline pipeline = TestPipelines.standard();
        MetricLinker linker = new MetricLinker(pipeline.rules().file("metric"));
        GoldMentionsLinker.linkGoldSet(pipeline, linker, gold, out);
        System.out.println("linker on " + set + " gold mentions:\n" + GoldMentionsLinker.score(gold, out, "--errors",
                System.getProperty("tiqu.errors", "0")));
        JsonNode report = new ObjectMapper().readTree(GoldMentionsLinker.score(gold, out, "--json"));
        assertEquals(0, report.at("/grounding/ungrounded").asInt(), "ungrounded records");

        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream(floorsFile)) {
            floors.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> below = new ArrayList<>();
        for (String key : floors.stringPropertyNames()) {
            JsonNode node = report.at("/metrics/" + key.replace('.', '/'));
            double floor = Double.parseDouble(floors.getProperty(key));
            if (node.isMissingNode() || node.asDouble() + 1e-9 < floor) {
                below.add(key + " = " + (node.isMissingNode() ? "missing" : node.asDouble()) + " < floor " + floor);
            }
        }
        assertTrue(below.isEmpty(), () -> "linker-on-" + set + "-gold scores fell: " + below);
    }
}
