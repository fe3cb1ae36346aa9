package org.tiqu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tiqu.audit.AuditReport;
import org.tiqu.audit.Auditor;
import org.tiqu.batch.BatchRunner;
import org.tiqu.batch.BatchSummary;
import org.tiqu.testing.TestPipelines;

/**
 * The gold sets of {@code ../shared/gold} scored by the reference scorer {@code score.py}:
 * the seeds (which the rules were first written for) and the development set (29 reports
 * no rule was written against). No record may be ungrounded, and no score may fall below
 * its floor in {@code <set>-floors.properties}.
 */
class GoldenSetsTest {

    private static final Path SHARED = Path.of("..", "shared");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"seeds, seeds", "dev, ../shared/gold/dev/docs"})
    void goldSetScoresAtLeastItsFloors(String set, String input, @TempDir Path out) throws Exception {
        if (!Files.isRegularFile(SHARED.resolve("score.py"))) {
            fail("../shared/score.py not found: the golden test needs the shared folder beside the project");
        }
        Path gold = SHARED.resolve("gold").resolve(set);
        BatchSummary summary = new BatchRunner(TestPipelines.standard(), out, null, System.err)
                .run(List.of(Path.of(input)));
        assertEquals(0, summary.failed(), "a document of " + set + " failed: " + summary);
        AuditReport audit = new Auditor().audit(out);
        assertTrue(audit.passed(), () -> audit.issues().toString());

        System.out.println(set + " score:\n" + score(gold, out.resolve("records"), "--errors",
                System.getProperty("tiqu.errors", "0")));
        JsonNode report = new ObjectMapper().readTree(score(gold, out.resolve("records"), "--json"));
        assertEquals(0, report.at("/grounding/ungrounded").asInt(), "ungrounded records");

        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream(set + "-floors.properties")) {
            assertNotNull(in, set + "-floors.properties is missing");
            floors.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> below = new ArrayList<>();
        for (String key : floors.stringPropertyNames()) {
            double floor = Double.parseDouble(floors.getProperty(key));
            String[] parts = key.split("\\.", 2);
            JsonNode node = parts[0].equals("metric")
                    ? report.at("/metrics/" + parts[1].replace('.', '/'))
                    : report.at("/types/" + parts[0] + "/" + parts[1]);
            if (node.isMissingNode()) {
                below.add(key + ": no such score");
            } else if (node.asDouble() + 1e-9 < floor) {
                below.add(key + " = " + node.asDouble() + " < floor " + floor);
            }
        }
        assertTrue(below.isEmpty(), () -> set + " scores fell: " + below);
    }

    private static String score(Path gold, Path records, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SHARED.resolve("score.py").toString(),
                gold.toString(), records.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("score.py failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
