package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquProcess;

/**
 * A real tiqu process: {@code extract -} and {@code --stdout} (records as JSON lines on standard
 * output, nothing written anywhere), and the exit codes and one-line messages of usage errors.
 */
class StdioProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String rules() {
        return Path.of("rules").toAbsolutePath().toString();
    }

    @Test
    void standardInToStandardOutWritesNothingElse() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        String text = "😀2023年全市GDP增长5.2%，达到1.2万亿元。\n";
        TiquProcess.Streams run = TiquProcess.runIn(work, text.getBytes(StandardCharsets.UTF_8), 120,
                "extract", "-", "--stdout", "--rules", rules());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() >= 3, run.out());
        int[] cps = text.codePoints().toArray();
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertEquals("stdin", r.get("doc").asText());
            int b = r.get("begin").asInt();
            assertEquals(r.get("text").asText(), new String(cps, b, r.get("end").asInt() - b), "code points of the input: " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"METRIC\"")), run.out());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "--stdout writes nothing in the working folder");
        }
        assertFalse(run.stderr().contains("documents done"), "no batch summary mixed in: " + run.stderr());

        String corpus = "{\"id\": \"a\", \"text\": \"营收增长15%。\"}\n{\"id\": \"b\", \"text\": \"利润下降3%。\"}\nnot json\n";
        TiquProcess.Streams jsonl = TiquProcess.runIn(work, corpus.getBytes(StandardCharsets.UTF_8), 120,
                "extract", "-", "--stdout", "--format", "jsonl", "--rules", rules());
        assertEquals(1, jsonl.exitCode(), "the line that is not JSON fails alone: " + jsonl.stderr());
        assertTrue(jsonl.stderr().contains("standard input:3"), jsonl.stderr());
        List<String> docs = jsonl.out().lines().map(l -> {
            try {
                return JSON.readTree(l).get("doc").asText();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).distinct().toList();
        assertEquals(List.of("a", "b"), docs, "in input order");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void usageErrorsSayOneLineAndExit2BeforeAnythingIsWritten() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("a.txt"), "营收增长15%。");
        Files.writeString(work.resolve("file-not-folder"), "x");
        String[][] cases = {
            {"extract", "missing-folder"},
            {"extract", "a.txt", "--out", "file-not-folder"},
            {"extract", "a.txt", "--reference-date", "2024-13-01"},
            {"extract", "a.txt", "--threads", "abc"},
            {"extract", "-"},
            {"extract", "a.txt", "--stdout", "--out", "o"},
            {"revew", "--help"},
        };
        for (String[] args : cases) {
            TiquProcess.Streams run = TiquProcess.runIn(work, null, 60, args);
            String what = String.join(" ", args) + ": " + run.stderr();
            assertEquals(2, run.exitCode(), what);
            List<String> lines = run.stderr().lines().toList();
            assertEquals(2, lines.size(), "one line and where to read more: " + what);
            assertTrue(lines.get(0).startsWith("tiqu: "), what);
            assertTrue(lines.get(1).startsWith("Try 'tiqu"), what);
            assertFalse(run.stderr().contains("Exception") || run.stderr().contains("Usage:"), what);
            assertEquals("", run.out(), what);
        }
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of("a.txt", "file-not-folder"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing written");
        }
        TiquProcess.Streams help = TiquProcess.runIn(work, null, 60, "extract", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--stdout"), help.out());
    }
}
