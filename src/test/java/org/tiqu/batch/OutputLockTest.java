package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.output.OutputFolderException;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.TestPipelines;
import org.tiqu.testing.TiquProcess;

/**
 * Case 5: two runs on one output folder. The second must refuse, naming the process that
 * holds the folder, and exit 2, while the first finishes with every document in its manifest
 * (two runs together once removed each other's temporary files and kept 3 of 200 entries).
 */
class OutputLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameOutputFolderRefusesAndTheFirstLosesNothing() throws Exception {
        Path in = dir.resolve("in");
        int articles = CorpusFiles.write(CorpusFiles.CNEWS, in, 300);
        Path out = dir.resolve("out");
        Process first = TiquProcess.start(dir.resolve("first.log"), TiquProcess.LAUNCHER_OPTIONS, "extract", in.toString(),
                "--out", out.toString(), "--threads", "1", "--progress", "log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (first.isAlive() && BatchRunner.knownEntries(out).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(first.isAlive(), "the first run ended before the second could start: " + Files.readString(dir.resolve("first.log")));

        TiquProcess.Finished second = TiquProcess.run(dir.resolve("second.log"), 120, "extract", in.toString(),
                "--out", out.toString(), "--progress", "log");
        boolean firstStillRunning = first.isAlive();
        assertEquals(2, second.exitCode(), second.output());
        assertTrue(second.output().contains("is in use by another tiqu run (process " + first.pid() + ")"), second.output());
        assertTrue(firstStillRunning, "the refusal was tested while the first run held the folder");

        assertTrue(first.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        assertEquals(articles, BatchRunner.knownEntries(out).size(), "every document of the first run is in its manifest");
        assertTrue(new Auditor().audit(out).passed());
    }

    @Test
    void aSecondBatchInTheSameProcessIsRefusedToo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (OutputLock held = OutputLock.exclusive(out.toRealPath())) {
            OutputFolderException refused = assertThrows(OutputFolderException.class, () -> new BatchRunner(
                    TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()), BatchOptions.defaults())
                    .run(List.of(Path.of("seeds"))));
            assertTrue(refused.getMessage().contains("this process"), refused.getMessage());
            assertThrows(OutputFolderException.class, () -> OutputLock.shared(out), "no audit while a batch writes");
        }
        try (OutputLock afterwards = OutputLock.exclusive(out.toRealPath())) {
            assertTrue(Files.readString(out.resolve(OutputLock.FILE_NAME)).startsWith("pid "));
        }
        assertEquals("", Files.readString(out.resolve(OutputLock.FILE_NAME)), "a run that ended leaves the lock file empty");
    }
}
