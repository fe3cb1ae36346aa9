package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.testing.TiquProcess;

/**
 * A million of one character (or word) in a row — 亿, a digit, %, 百分之, 万, 年, ， — once hung a
 * batch for minutes (a scan from every start of the run). Each such document must now finish,
 * or fail, within its time budget, and the batch go on to the ordinary document after them. Run
 * as the launcher runs tiqu (its heap and stack), on two threads. How each stage's time grows
 * on such runs: {@code HostileGrowthBenchmark}, on demand.
 */
class HostileInputTest {

    /** Short, so that the whole costs seconds; the deadline, not the length, is what is tested. */
    private static final int BUDGET_SECONDS = 3;
    /** What a document may take past its budget: the last step before a check, the JIT, a busy machine. */
    private static final double SLACK_SECONDS = 3;

    @Test
    void eachRunOfOneCharacterEndsWithinItsBudgetAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> pieces = List.of("亿", "1", "%", "百分之", "万", "年", "，");
        for (int i = 0; i < pieces.size(); i++) {
            Files.writeString(in.resolve("hostile-" + i + ".txt"), pieces.get(i).repeat(1_000_000), StandardCharsets.UTF_8);
        }
        // A list of twenty thousand durations: a rule's repeated group recurses once per item,
        // past any stack; that must fail this document, not the batch.
        Files.writeString(in.resolve("hostile-stack.txt"), "3年".repeat(20_000), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("z-ordinary.txt"), "1-7月，规上工业总产值完成214.35亿元、增长10.65%。", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        TiquProcess.Finished run = TiquProcess.run(dir.resolve("run.log"), 300, "extract", in.toString(), "--out",
                out.toString(), "--threads", "2", "--time-budget", String.valueOf(BUDGET_SECONDS), "--progress", "log");

        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.output());
        List<DocumentEntry> documents = Manifest.read(out).documents();
        assertEquals(pieces.size() + 2, documents.size(), run.output());
        for (DocumentEntry d : documents) {
            assertTrue(d.ok() || d.error().contains("time budget") || d.error().startsWith("out of memory")
                    || d.error().startsWith("out of stack"), d.source() + ": " + d.error());
        }
        assertTrue(documents.get(documents.size() - 1).ok(), "the batch went on: " + run.output());
        Matcher slowest = Pattern.compile("slowest: (.+), ([0-9.]+) s\\)").matcher(run.output());
        if (slowest.find()) { // named only when it took a second or more
            assertTrue(Double.parseDouble(slowest.group(2)) <= BUDGET_SECONDS + SLACK_SECONDS, run.output());
        }
    }
}
