package org.tiqu.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.TestPipelines;

/** {@code tiqu score} and {@code ../shared/score.py} give the same figures on the seeds. */
class ScoreParityTest {

    private static final Path GOLD = Path.of("../shared/gold/seeds");
    private static final Path SCORE_PY = Path.of("../shared/score.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pipelineOutputOnTheSeeds() throws Exception {
        Path out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()), BatchOptions.defaults())
                .run(List.of(Path.of("seeds")));
        assertSameFigures(out.resolve("records"));
    }

    @Test
    void goldAgainstItself() throws Exception {
        assertSameFigures(GOLD);
        ObjectNode report = Score.of(GOLD, GOLD).report();
        assertEquals(1.0, report.get("metrics").get("f1").asDouble());
    }

    /** Misses, shifts, wrong values, repeats, ungrounded text, records without doc, nested folders. */
    @Test
    void perturbedPredictions() throws Exception {
        Path pred = Files.createDirectories(dir.resolve("pred/nested"));
        List<String> lines = new ArrayList<>();
        List<String> noDoc = new ArrayList<>();
        int i = 0;
        for (Path g : goldFiles()) {
            for (String line : Files.readAllLines(g, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode r = (ObjectNode) JSON.readTree(line);
                switch (i++ % 9) {
                    case 0 -> { }
                    case 1 -> r.put("begin", r.get("begin").asInt() + 1);
                    case 2 -> perturbValue(r);
                    case 3 -> lines.add(r.toString());
                    case 4 -> r.put("text", r.get("text").asText() + "x");
                    case 5 -> {
                        r.remove("doc");
                        noDoc.add(r.toString());
                        continue;
                    }
                    case 6 -> r.put("period", "1999");
                    case 7 -> r.set("change", null);
                    default -> r.put("end", r.get("end").asInt() + 2);
                }
                if (i % 9 != 1) {
                    lines.add(r.toString());
                }
            }
        }
        Files.write(pred.resolve("all.jsonl"), lines, StandardCharsets.UTF_8);
        Path first = goldFiles().get(0);
        Files.write(dir.resolve("pred").resolve(first.getFileName()), noDoc, StandardCharsets.UTF_8);
        assertSameFigures(dir.resolve("pred"));
    }

    /** A number written differently is the same value; a different number is not. */
    private static void perturbValue(ObjectNode r) {
        JsonNode value = r.get("value");
        if (value instanceof ObjectNode v && v.has("amount")) {
            BigDecimal amount = new BigDecimal(v.get("amount").asText());
            v.put("amount", r.get("begin").asInt() % 2 == 0 ? amount.add(BigDecimal.ONE).toPlainString() : amount.setScale(2).toPlainString());
        } else if (value instanceof ObjectNode v && v.has("name")) {
            v.put("name", v.get("name").asText() + "公司");
        }
    }

    private static List<Path> goldFiles() throws IOException {
        try (Stream<Path> s = Files.list(GOLD)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static void assertSameFigures(Path pred) throws Exception {
        Score ours = Score.of(GOLD, pred);
        JsonNode theirs = JSON.readTree(python(pred, "--json"));
        assertTrue(ours.report().equals((a, b) -> sameValue(a, b) ? 0 : 1, theirs),
                () -> "tiqu score:\n" + ours.report().toPrettyString() + "\nscore.py:\n" + theirs.toPrettyString());
        assertEquals(python(pred), ours.table());
        assertEquals(python(pred, "--errors", "7"), Score.of(GOLD, pred, 7).table());
    }

    /** Numbers by value (score.py writes 1.0 and 0 alike as JSON numbers), everything else as it is. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String python(Path pred, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", SCORE_PY.toString(), GOLD.toString(), pred.toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
