package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.TiquProcess;

/**
 * Progress as a log shows it (elapsed, rate, time left, the final phase), and a batch stopped
 * as Ctrl-C stops it (SIGINT and SIGTERM both run the JVM's shutdown hooks): the process says
 * what is kept and that a rerun goes on, and the rerun skips what was kept.
 */
class StoppedBatchTest {

    @TempDir
    Path dir;

    @Test
    void logLinesSayElapsedRateAndTimeLeftInTheRightNumber() {
        assertEquals("tiqu: 120/438 documents (27%), 12 s, 10.0 documents/s, about 32 s left",
                Progress.LogLines.line(120, 438, 12.0));
        assertEquals("tiqu: 1/1 document (100%), 2 s, 0.5 documents/s", Progress.LogLines.line(1, 1, 2.0));
        assertEquals("3 min 05 s", Progress.LogLines.duration(185));
        assertEquals("1 h 02 min", Progress.LogLines.duration(3725));
        assertEquals("1 document", BatchSummary.count(1, "document"));
        assertEquals("0 documents", BatchSummary.count(0, "document"));
    }

    @Test
    void aStoppedBatchSaysWhatIsKeptAndTheRerunGoesOn() throws Exception {
        Path in = dir.resolve("in");
        int articles = CorpusFiles.write(CorpusFiles.CNEWS, in, 200);
        Path out = dir.resolve("out");
        Path log = dir.resolve("stopped.log");
        Process tiqu = TiquProcess.start(log, List.of("-Xss8m"), "extract", in.toString(),
                "--out", out.toString(), "--threads", "1", "--progress", "log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (tiqu.isAlive() && System.nanoTime() < deadline && BatchRunner.knownEntries(out).size() < 15) {
            Thread.sleep(20);
        }
        assertTrue(tiqu.isAlive(), "the batch ended before it could be stopped: " + read(log));
        tiqu.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does
        assertTrue(tiqu.waitFor(30, TimeUnit.SECONDS));
        String stopped = read(log);
        Matcher kept = Pattern.compile("tiqu: stopped: (\\d+) documents? finished in this run (is|are) kept").matcher(stopped);
        assertTrue(kept.find(), stopped);
        int keptCount = Integer.parseInt(kept.group(1));
        assertTrue(keptCount >= 15, stopped);
        assertTrue(stopped.contains("run the same command again to go on"), stopped);

        TiquProcess.Finished rerun = TiquProcess.run(dir.resolve("rerun.log"), 300, "extract", in.toString(),
                "--out", out.toString(), "--threads", "2", "--progress", "log");
        assertEquals(0, rerun.exitCode(), rerun.output());
        Matcher summary = Pattern.compile("(\\d+) documents? done, (\\d+) skipped").matcher(rerun.output());
        assertTrue(summary.find(), rerun.output());
        assertTrue(Integer.parseInt(summary.group(2)) >= keptCount, "what was kept is skipped: " + rerun.output());
        assertEquals(articles, Integer.parseInt(summary.group(1)) + Integer.parseInt(summary.group(2)));
        assertTrue(rerun.output().contains("documents/s"), rerun.output());
        assertTrue(rerun.output().contains("tiqu: writing metrics.csv, mentions.csv and audit.html for " + articles
                + " documents"), rerun.output());
        assertTrue(Pattern.compile("tiqu: " + articles + "/" + articles + " documents \\(100%\\), \\d+ s").matcher(rerun.output()).find(),
                rerun.output());
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
