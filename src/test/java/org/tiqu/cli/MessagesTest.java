package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquCommand;
import org.tiqu.testing.TiquProcess;

/** Case 10: every refusal names the file and the reason, with the exit code the README gives. */
class MessagesTest {

    @TempDir
    Path dir;

    private String stderr;

    private int tiqu(String... args) {
        TiquCommand.Result result = TiquCommand.run(args);
        stderr = result.stderr();
        return result.exitCode();
    }

    @Test
    void unreadableInputsSayWhyOnceAndDevicesAreNotRead() throws Exception {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("missing.txt");
        // A missing input is a mistake of usage (issue 18): said before anything is written.
        assertEquals(Main.USAGE, tiqu("extract", missing.toString(), "/dev/zero", "--out", out.toString(),
                "--progress", "log"));
        assertTrue(stderr.contains(missing + ": no such file or folder"), stderr);
        assertFalse(Files.exists(out), "nothing written on a usage error");
        assertEquals(Main.SOME_FAILED, tiqu("extract", "/dev/zero", "--out", out.toString(), "--progress", "log"));
        assertTrue(stderr.contains("failed /dev/zero: unreadable: not a regular file"), stderr);
        assertFalse(stderr.contains("-Xmx"), "a device is not a document too large for the heap: " + stderr);
    }

    @Test
    void missingFoldersAndNonsenseCountsAreBadUsage() {
        assertEquals(Main.USAGE, tiqu("score", "/nonexistent", "../shared/gold/seeds"));
        assertTrue(stderr.contains("GOLD_DIR /nonexistent: no such folder"), stderr);
        assertEquals(Main.USAGE, tiqu("score", "../shared/gold/seeds", "/nonexistent"));
        assertTrue(stderr.contains("PRED /nonexistent: no such file or folder"), stderr);
        assertEquals(Main.USAGE, tiqu("audit", "/nonexistent"));
        assertTrue(stderr.contains("/nonexistent: no such folder"), stderr);
        assertEquals(Main.USAGE, tiqu("bench", "--repeat", "0"));
        assertTrue(stderr.contains("--repeat must be at least 1"), stderr);
        assertEquals(Main.USAGE, tiqu("bench", "--threads", "0"));
        assertEquals(Main.USAGE, tiqu("extract", "--time-budget", "0"));
    }

    @Test
    void aHeapTooSmallForHanlpIsSaidPlainly() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "济南高新区管理委员会发布：营收增长15%。");
        TiquProcess.Finished run = TiquProcess.run(dir.resolve("run.log"), 120, List.of("-Xss8m", "-Xmx48m"),
                "extract", in.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.SOME_FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("HanLP's dictionaries do not fit in the"), run.output());
        assertFalse(run.output().contains("Exception in thread"), run.output());
    }
}
