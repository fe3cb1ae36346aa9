package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.ManifestJournal;
import org.tiqu.testing.TestPipelines;
import org.tiqu.testing.TiquProcess;

/**
 * Group commit (issue 19): records are written without a per-file fsync and the journal makes
 * groups durable. A crash between a document's write and its checkpoint leaves records that no
 * journal line names, and the next run does that document again; after a power loss a journal
 * line the last commit does not cover counts only when its files on disk are those it names.
 */
class GroupCommitTest {

    @TempDir
    Path dir;
    Path in;
    Path clean;
    final PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());

    @BeforeEach
    void cleanRun() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path seed : files.sorted().limit(3).toList()) {
                Files.copy(seed, in.resolve(seed.getFileName()));
            }
        }
        clean = dir.resolve("clean");
        new BatchRunner(TestPipelines.standard(), clean, quiet, BatchOptions.defaults()).run(List.of(in));
    }

    @Test
    void recordsWrittenButNotJournaledAreDoneAgain() throws Exception {
        Path out = dir.resolve("out");
        TiquProcess.Finished halted = TiquProcess.run(dir.resolve("halted.log"), 120,
                List.of("-Xss8m", "-Dtiqu.test.haltAt=after-records"),
                "extract", in.toString(), "--out", out.toString(), "--threads", "1", "--progress", "log");
        assertEquals(137, halted.exitCode(), halted.output());
        try (Stream<Path> records = Files.list(out.resolve("records"))) {
            assertEquals(1, records.filter(f -> f.toString().endsWith(".jsonl")).count(), "the records of one document are written");
        }
        assertTrue(BatchRunner.knownEntries(out).isEmpty(), "and no journal line names them");

        BatchSummary rerun = new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(3, rerun.done(), "the document whose checkpoint was never written is done again");
        assertEquals(0, rerun.skipped());
        assertTrue(new Auditor().audit(out).passed());
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
    }

    @Test
    void afterAPowerLossOnlyLinesWhoseFilesAreWholeCount() throws Exception {
        Path out = dir.resolve("out");
        copyTree(clean, out);
        List<DocumentEntry> entries = Manifest.read(out).documents();
        // The state a power loss could leave: no manifest yet, a journal whose first line is
        // committed, two lines after the commit, one of whose records never reached the disk,
        // and a last line cut short.
        Files.delete(out.resolve(Manifest.FILE_NAME));
        try (ManifestJournal journal = new ManifestJournal(out)) {
            journal.record(entries.get(0));
            journal.commit();
            journal.record(entries.get(1));
            journal.record(entries.get(2));
        }
        Path lost = out.resolve(entries.get(1).records());
        byte[] whole = Files.readAllBytes(lost);
        Files.write(lost, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path segment;
        try (Stream<Path> files = Files.list(out.resolve(ManifestJournal.DIR_NAME))) {
            segment = files.findFirst().orElseThrow();
        }
        Files.writeString(segment, "{\"entry\":{\"doc\":\"x\",\"sou", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<String> problems = new ArrayList<>();
        List<DocumentEntry> kept = new ManifestJournal(out).entries(problems::add);
        assertEquals(List.of(entries.get(0).key(), entries.get(2).key()), kept.stream().map(DocumentEntry::key).toList());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("not whole on disk"), problems.get(0));

        BatchSummary rerun = new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(1, rerun.done(), "the document whose records were lost is done again");
        assertEquals(2, rerun.skipped());
        assertFalse(Files.exists(out.resolve(ManifestJournal.DIR_NAME)), "the journal is folded into the manifest");
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
    }

    @Test
    void derivedFilesTornByAPowerLossAreWrittenAgain() throws Exception {
        Path out = dir.resolve("out");
        copyTree(clean, out);
        // Written without an fsync: after a power loss one may be empty, though the stamp is not.
        Files.write(out.resolve("metrics.csv"), new byte[0]);
        Files.write(out.resolve("audit.html"), new byte[0]);
        BatchSummary rerun = new BatchRunner(TestPipelines.standard(), out, quiet, BatchOptions.defaults()).run(List.of(in));
        assertEquals(3, rerun.skipped());
        assertEquals(BatchRunnerTest.contents(clean), BatchRunnerTest.contents(out));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
