package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.output.Manifest;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.TiquProcess;

/**
 * The randomised fault test, on demand (never in CI): N real tiqu processes on one output
 * folder, each killed with SIGKILL at a random moment — a third of them in the final phase,
 * right after the last document (manifest, metrics.csv, audit.html, journal) — with now and
 * then a source edited between runs. After every kill each visible file must be whole; after
 * the last, one run to the end must leave the folder byte for byte as a clean run does.
 *
 * <pre>
 * mvn -B test -Dtest=RandomKillFaultTest -Dtiqu.faults=20 [-Dtiqu.faults.seed=42]
 * </pre>
 */
@EnabledIfSystemProperty(named = "tiqu.faults", matches = "[0-9]+")
class RandomKillFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 150;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsThenRunOnceMoreEqualsACleanRun() throws Exception {
        int kills = Integer.getInteger("tiqu.faults");
        long seed = Long.getLong("tiqu.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        Path in = dir.resolve("in");
        int documents = CorpusFiles.write(CorpusFiles.CNEWS, in, ARTICLES);
        Path out = dir.resolve("out");

        // How long a run takes: to start (every document skipped), and per document done.
        long wholeMillis = millis(() -> TiquProcess.run(dir.resolve("timing.log"), 600, extract(in, dir.resolve("timing"), 1)));
        long startMillis = millis(() -> TiquProcess.run(dir.resolve("timing2.log"), 600, extract(in, dir.resolve("timing"), 1)));
        double perDocument = Math.max(1, wholeMillis - startMillis) / (double) documents;
        System.out.printf("seed %d; a run takes %d ms to start and %.0f ms a document%n", seed, startMillis, perDocument);

        int finalPhase = 0;
        int endedBeforeKill = 0;
        for (int k = 1; k <= kills; k++) {
            // Now and then sources change between runs, so that later runs have documents to redo.
            int edits = random.nextInt(3) == 0 ? 0 : random.nextInt(documents / 4);
            for (int e = 0; e < edits; e++) {
                Path edited = in.resolve(String.format("cnews-%03d.txt", random.nextInt(documents)));
                Files.writeString(edited, "\n第" + k + "次修改：营收增长" + k + "%。\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            int recorded = Files.isDirectory(out) ? BatchRunner.knownEntries(out).size() : 0;
            long expectedMillis = startMillis + (long) ((documents - recorded + edits) * perDocument);
            Path log = dir.resolve("run-" + k + ".log");
            Process run = TiquProcess.start(log, TiquProcess.LAUNCHER_OPTIONS, extract(in, out, 1 + random.nextInt(2)));
            String when;
            if (random.nextInt(3) == 0) {
                finalPhase++;
                waitForLastDocument(run, log, documents);
                long delay = random.nextInt(400);
                Thread.sleep(delay);
                when = "final phase +" + delay + " ms";
            } else {
                long delay = (long) (random.nextDouble() * expectedMillis * 1.1);
                run.waitFor(delay, TimeUnit.MILLISECONDS);
                when = delay + " ms";
            }
            boolean ended = !run.isAlive();
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            if (ended) {
                endedBeforeKill++;
            }
            assertEveryVisibleFileIsWhole(out);
            System.out.printf("kill %d at %s: %s; %d documents recorded%n", k, when, ended ? "had ended" : "killed",
                    Files.isDirectory(out) ? BatchRunner.knownEntries(out).size() : 0);
        }

        TiquProcess.Finished last = TiquProcess.run(dir.resolve("last.log"), 600, extract(in, out, 2));
        assertEquals(0, last.exitCode(), last.output());
        Path clean = dir.resolve("clean");
        TiquProcess.Finished reference = TiquProcess.run(dir.resolve("clean.log"), 600, extract(in, clean, 2));
        assertEquals(0, reference.exitCode(), reference.output());
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
        assertTrue(new Auditor().audit(out).passed());
        System.out.printf("%d kills (%d in the final phase, %d runs had ended first), seed %d: "
                + "the folder equals a clean run's byte for byte%n", kills, finalPhase, endedBeforeKill, seed);
    }

    private interface Run {
        TiquProcess.Finished run() throws Exception;
    }

    private static long millis(Run run) throws Exception {
        long started = System.nanoTime();
        TiquProcess.Finished finished = run.run();
        assertEquals(0, finished.exitCode(), finished.output());
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String[] extract(Path in, Path out, int threads) {
        return new String[] {"extract", in.toString(), "--out", out.toString(), "--threads", String.valueOf(threads),
                "--progress", "log"};
    }

    /** Until the run has logged its last document (its final phase begins), or has ended. */
    private static void waitForLastDocument(Process run, Path log, int documents) throws Exception {
        String last = "tiqu: " + documents + "/" + documents + " documents";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (run.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(last)) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static void assertEveryVisibleFileIsWhole(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        if (Manifest.exists(out)) {
            Manifest.read(out);
        }
        BatchRunner.knownEntries(out);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                if (!f.getFileName().toString().startsWith(".")) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        JSON.readTree(line);
                    }
                }
            }
        }
    }
}
