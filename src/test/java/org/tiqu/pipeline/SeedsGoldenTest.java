package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.batch.BatchRunner;
import org.tiqu.batch.BatchSummary;
import org.tiqu.testing.TestPipelines;

/**
 * The seeds against their hand-annotated gold, scored by the reference scorer
 * {@code ../shared/score.py}: no record may be ungrounded, and no score may fall
 * below its floor in {@code seeds-floors.properties}.
 */
class SeedsGoldenTest {

    private static final Path SHARED = Path.of("..", "shared");
    private static final Path GOLD = SHARED.resolve("gold/seeds");

    @Test
    void seedsScoreAtLeastTheirFloors(@TempDir Path out) throws Exception {
        if (!Files.isRegularFile(SHARED.resolve("score.py"))) {
            fail("../shared/score.py not found: the golden test needs the shared folder beside the project");
        }
        BatchSummary summary = new BatchRunner(TestPipelines.standard(), out, null, System.err)
                .run(List.of(Path.of("seeds")));
        assertEquals(0, summary.failed(), "a seed failed: " + summary);
        AuditReport audit = new Auditor().audit(out);
        assertTrue(audit.passed(), () -> audit.issues().toString());

        JsonNode report = score(out.resolve("records"));
        System.out.println("seeds score: " + report);
        assertEquals(0, report.at("/grounding/ungrounded").asInt(), "ungrounded records");

        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("seeds-floors.properties")) {
            floors.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> below = new ArrayList<>();
        for (String key : floors.stringPropertyNames()) {
            double floor = Double.parseDouble(floors.getProperty(key));
            String[] parts = key.split("\\.", 2);
            JsonNode node = parts[0].equals("metric")
                    ? report.at("/metrics/" + parts[1])
                    : report.at("/types/" + parts[0] + "/" + parts[1]);
            if (node.isMissingNode()) {
                below.add(key + ": no such score");
            } else if (node.asDouble() + 1e-9 < floor) {
                below.add(key + " = " + node.asDouble() + " < floor " + floor);
            }
        }
        assertTrue(below.isEmpty(), () -> "seeds scores fell: " + below);
    }

    private static JsonNode score(Path records) throws Exception {
        Process p = new ProcessBuilder("python3", SHARED.resolve("score.py").toString(), GOLD.toString(),
                records.toString(), "--json").redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("score.py failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new ObjectMapper().readTree(output);
    }
}
