package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.review.ReviewDatabase;

/** {@code tiqu review export} and {@code tiqu review stats} from the command line. */
class ReviewCommandTest {

    @Test
    void exportAndStatsWorkFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("d.txt"), "利润增长12%。\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        assertEquals(Main.OK, Main.run("extract", in.toString(), "--out", out.toString(), "--rules", "rules", "--progress", "log"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(out.resolve("records/d.jsonl"), StandardCharsets.UTF_8);
        JsonNode manifestEntry = json.readTree(out.resolve("manifest.json").toFile()).get("documents").get(0);
        try (ReviewDatabase db = ReviewDatabase.open(out)) {
            for (String line : lines) {
                JsonNode r = json.readTree(line);
                db.save("d", r, r.get("type").asText().equals("PERCENT")
                        ? org.tiqu.review.Verdict.Kind.WRONG : org.tiqu.review.Verdict.Kind.CORRECT, null, "t",
                        manifestEntry.get("sha256").asText(), manifestEntry.get("rules_sha256").asText());
            }
        }
        Path gold = dir.resolve("gold");
        String exported = stdout(() -> Main.run("review", "export", out.toString(), "--gold", gold.toString()));
        assertTrue(exported.contains("exported 1 reviewed document(s)"), exported);
        assertTrue(exported.contains("tiqu score " + gold), exported);
        String scored = stdout(() -> Main.run("score", gold.toString(), out.resolve("records").toString()));
        assertTrue(scored.contains("PERCENT"), scored);

        String stats = stdout(() -> Main.run("review", "stats", out.toString()));
        assertTrue(stats.lines().anyMatch(l -> l.startsWith("PERCENT") && l.endsWith("0.000")), stats);
        assertTrue(stats.contains("percent."), "rules are named: " + stats);
        JsonNode statsJson = json.readTree(stdout(() -> Main.run("review", "stats", out.toString(), "--json")));
        assertEquals(lines.size(), statsJson.get("types").findValues("judged").stream().mapToInt(JsonNode::asInt).sum());
    }

    @Test
    void aFolderThatIsNotAnOutputIsABadUsage(@TempDir Path dir) {
        assertEquals(Main.USAGE, Main.run("review", dir.toString(), "--port", "0"));
        assertEquals(Main.USAGE, Main.run("review", "export", dir.toString()));
        assertEquals(Main.USAGE, Main.run("review", "stats", dir.toString()));
    }

    private static String stdout(IntSupplier action) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.OK, action.getAsInt());
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
