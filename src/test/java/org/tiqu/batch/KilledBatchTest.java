package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.output.Manifest;
import org.tiqu.output.ManifestJournal;
import org.tiqu.testing.CorpusFiles;
import org.tiqu.testing.TestPipelines;
import org.tiqu.testing.TiquProcess;

/**
 * kill -9 in the middle of a batch: a real tiqu process is started on 300 cnews articles
 * and killed (SIGKILL) once its manifest and journal hold some documents. Every file it left must
 * be whole, and the next run must finish the batch without redoing what was done, with
 * output byte for byte that of an uninterrupted run.
 */
class KilledBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void nextRunCompletesAKilledBatch() throws Exception {
        Path in = dir.resolve("in");
        int articles = CorpusFiles.write(CorpusFiles.CNEWS, in, 300);
        Path out = dir.resolve("out");
        Process tiqu = TiquProcess.start(dir.resolve("killed.log"), List.of("-Xss8m"), "extract", in.toString(),
                "--out", out.toString(), "--threads", "1", "--progress", "log");
        int doneAtKill = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (tiqu.isAlive() && System.nanoTime() < deadline) {
            doneAtKill = documentsRecorded(out);
            if (doneAtKill >= 20) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(tiqu.isAlive(), "the batch ended before it could be killed: " + Files.readString(dir.resolve("killed.log")));
        tiqu.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(tiqu.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, tiqu.exitValue(), "killed by SIGKILL");
        assertEveryVisibleFileIsWhole(out);
        int inManifest = documentsRecorded(out);
        assertTrue(inManifest >= doneAtKill && inManifest < articles, "manifest and journal hold " + inManifest);
        assertTrue(Files.isDirectory(out.resolve(ManifestJournal.DIR_NAME)), "the killed run left its journal");

        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        BatchSummary resumed = new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(inManifest, resumed.skipped(), "what the manifest held is not redone");
        assertEquals(articles, resumed.done() + resumed.skipped());
        assertEquals(0, resumed.failed());
        assertTrue(new Auditor().audit(out).passed());
        assertTrue(listTemporaries(out).isEmpty(), "temporary files of the killed run are removed");
        assertTrue(Files.notExists(out.resolve(ManifestJournal.DIR_NAME)), "the journal is folded into the manifest");

        Path clean = dir.resolve("clean");
        new BatchRunner(TestPipelines.standard(), clean, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
    }

    /** Documents recorded so far: in the manifest or in the journal of the running batch. */
    private static int documentsRecorded(Path out) {
        try {
            return BatchRunner.knownEntries(out).size();
        } catch (IOException e) {
            throw new AssertionError("manifest or journal unreadable while the batch runs: " + e, e);
        }
    }

    private static void assertEveryVisibleFileIsWhole(Path out) throws IOException {
        if (Manifest.exists(out)) {
            Manifest.read(out);
        }
        BatchRunner.knownEntries(out);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JSON.readTree(line);
                }
            }
        }
    }

    private static List<Path> listTemporaries(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
