package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void badFilesAreReportedByNameAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "增长15.28%。", StandardCharsets.UTF_8);
        Files.write(in.resolve("image.dat"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(in.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Path out = dir.resolve("out");
        String err = captureErr(() -> assertEquals(Main.SOME_FAILED,
                Main.run("extract", in.toString(), "--out", out.toString(), "--rules", "rules")));
        assertTrue(err.contains("image.dat") && err.contains("binary"), err);
        assertTrue(err.contains("not read: " + in.resolve("picture.png") + ": skipped, an image"), "a format tiqu "
                + "does not read is listed as skipped, not failed: " + err);
        assertTrue(err.contains("empty.txt") && err.contains("empty"), err);
        assertTrue(Files.readString(out.resolve("records/good.jsonl")).contains("\"percent\":\"15.28\""));

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("documents").size());
        int failed = 0;
        for (JsonNode d : manifest.get("documents")) {
            if (d.get("status").asText().equals("failed")) {
                failed++;
                assertFalse(d.get("error").asText().isEmpty());
            }
        }
        assertEquals(2, failed);
        assertEquals(Main.OK, Main.run("audit", out.toString()));
    }

    @Test
    void brokenRulesStopBeforeAnyOutputWithExitTwo(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("x.yaml"), "type: PERCENT\nrules:\n  - id: x.a\n    pattern: '(['\n    examples: [{text: a, expect: {text: a}}]\n");
        Path out = dir.resolve("out");
        String err = captureErr(() -> assertEquals(Main.USAGE,
                Main.run("extract", "seeds", "--out", out.toString(), "--rules", rules.toString())));
        assertTrue(err.contains("x.yaml:4"), err);
        assertFalse(Files.exists(out.resolve("manifest.json")));
        assertEquals(Main.USAGE, Main.run("rules", "check", rules.toString()));
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero() {
        assertEquals(Main.USAGE, Main.run("extract", "--no-such-option"));
        assertEquals(Main.USAGE, Main.run("frobnicate"));
        assertEquals(Main.OK, Main.run("extract", "--help"));
        assertEquals(Main.OK, Main.run("audit", "--help"));
        assertEquals(Main.OK, Main.run("rules", "check", "--help"));
    }

    @Test
    void rulesCheckRunsTheProjectExamples() {
        assertEquals(Main.OK, Main.run("rules", "check", "rules"));
    }

    private static String captureErr(Runnable action) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
