package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquCommand;

/** Exit codes: 0 all good, 1 some documents failed (named on stderr), 2 bad usage or rules. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    private String stderr;

    private int run(String... args) {
        TiquCommand.Result result = TiquCommand.run(args);
        stderr = result.stderr();
        return result.exitCode();
    }

    @Test
    void exitCodes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "营收增长15%。");
        Files.writeString(in.resolve("good2.txt"), "利润下降3%。");
        String out = dir.resolve("out").toString();
        assertEquals(0, run("extract", in.toString(), "--out", out, "--threads", "2", "--progress", "log"));
        assertTrue(stderr.contains("2 documents done, 0 skipped, 0 failed"), stderr);

        assertEquals(0, run("extract", in.toString(), "--out", dir.resolve("out-bar").toString(), "--progress", "bar"));
        assertTrue(stderr.contains("100%"), "the progress bar is drawn: " + stderr);

        Files.write(in.resolve("bad.txt"), new byte[] {0, 1, 2, 0});
        assertEquals(1, run("extract", in.toString(), "--out", out, "--progress", "log"));
        assertTrue(stderr.contains("failed: " + in.resolve("bad.txt")), stderr);
        assertTrue(stderr.contains("0 documents done, 2 skipped, 1 failed"), stderr);

        assertEquals(2, run("extract", in.toString(), "--out", out, "--threads", "0"));
        assertEquals(2, run("extract", "--no-such-option"));
        assertEquals(2, run("extract", in.toString(), "--out", out, "--progress", "fancy"));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.yaml"), "rules: [ {id: x\n");
        assertEquals(2, run("extract", in.toString(), "--out", out, "--rules", rules.toString()));
    }

    @Test
    void scoreCommandPrintsTheTable() {
        assertEquals(0, run("score", "../shared/gold/seeds", "../shared/gold/seeds"));
        assertEquals(2, run("score", "only-one-argument"));
    }
}
