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
 * The linker on the seeds' gold mentions ("linker on gold mentions"): its quality
 * independent of the extractors. Prints the scorer's table and holds the floors of
 * {@code gold-linker-floors.properties}.
 */
class GoldMentionsLinkerTest {

    private static final Path GOLD = GoldMentionsLinker.SHARED.resolve("gold/seeds");

    @Test
    void linkerOnGoldMentionsHoldsItsFloors(@TempDir Path out) throws Exception {
        Pipeline pipeline = TestPipelines.standard();
        MetricLinker linker = new MetricLinker(pipeline.rules().file("metric"));
        GoldMentionsLinker.linkGoldSet(pipeline, linker, GOLD, out);
        System.out.println("linker on gold mentions:\n" + GoldMentionsLinker.score(GOLD, out, "--errors",
                System.getProperty("tiqu.errors", "0")));
        JsonNode report = new ObjectMapper().readTree(GoldMentionsLinker.score(GOLD, out, "--json"));
        assertEquals(0, report.at("/grounding/ungrounded").asInt(), "ungrounded records");

        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("gold-linker-floors.properties")) {
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
        assertTrue(below.isEmpty(), () -> "linker-on-gold scores fell: " + below);
    }
}
