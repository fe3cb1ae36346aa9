package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.testing.TestPipelines;
import org.tiqu.testing.TiquProcess;

/**
 * Case 3: a run stopped as by kill -9 in its final phase — after the manifest, between
 * {@code metrics.csv} and {@code audit.html} — must not leave
 * them stale for good: the next run, though it skips every document, makes them again. The
 * stop is a halt at a named point ({@code -Dtiqu.test.haltAt}), since a timed kill cannot
 * hit those milliseconds on purpose; {@code RandomKillFaultTest} kills at random moments.
 */
class FinalPhaseKillTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"after-manifest", "after-metrics"})
    void theNextRunRepairsWhatAStopInTheFinalPhaseLeft(String point) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            seeds = files.sorted().limit(3).toList();
        }
        Files.copy(seeds.get(0), in.resolve(seeds.get(0).getFileName()));
        Files.copy(seeds.get(1), in.resolve(seeds.get(1).getFileName()));
        Path out = dir.resolve("out");
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));

        Path late = Files.copy(seeds.get(2), in.resolve(seeds.get(2).getFileName()));
        String lateId = late.getFileName().toString().replace(".txt", "");
        TiquProcess.Finished halted = TiquProcess.run(dir.resolve("halted.log"), 120,
                List.of("-Xss8m", "-Dtiqu.test.haltAt=" + point),
                "extract", in.toString(), "--out", out.toString(), "--progress", "log");
        assertEquals(137, halted.exitCode(), halted.output());
        assertFalse(Files.readString(out.resolve("audit.html")).contains(lateId), "the stop left audit.html stale");

        BatchSummary rerun = new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(3, rerun.skipped(), "the stopped run had done every document");
        assertTrue(Files.readString(out.resolve("metrics.csv")).contains(lateId + ","), "metrics.csv holds the late document");
        assertTrue(Files.readString(out.resolve("audit.html")).contains(lateId), "audit.html holds the late document");
        assertTrue(new Auditor().audit(out).passed());

        Path clean = dir.resolve("clean");
        new BatchRunner(TestPipelines.standard(), clean, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
    }
}
