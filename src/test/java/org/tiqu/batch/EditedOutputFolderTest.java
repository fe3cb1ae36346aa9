package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.audit.Auditor;
import org.tiqu.cli.Main;
import org.tiqu.output.ManifestJournal;
import org.tiqu.testing.TestPipelines;
import org.tiqu.testing.TiquCommand;

/**
 * Cases 7 and 10: an output folder edited or damaged by hand. A path read from the manifest or
 * the journal must never lead outside the folder (an edited {@code "records": "../victim.txt"}
 * plus a failing source once deleted victim.txt); a manifest that cannot be read is named.
 */
class EditedOutputFolderTest {

    @TempDir
    Path dir;
    Path in;
    Path out;
    String stderr;

    @BeforeEach
    void extract() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        Files.writeString(in.resolve("a.txt"), "收入增长15.28%。", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), "占比100%。", StandardCharsets.UTF_8);
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()), BatchOptions.defaults())
                .run(java.util.List.of(in));
    }

    private int tiqu(String... args) {
        TiquCommand.Result result = TiquCommand.run(args);
        stderr = result.stderr();
        return result.exitCode();
    }

    @Test
    void aManifestPathOutsideTheFolderIsRefusedAndNothingIsDeleted() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"records/b.jsonl\"", "\"../victim.txt\""));
        Files.write(in.resolve("b.txt"), new byte[] {0, 1, 2}); // fails: its old records would be deleted

        assertEquals(Main.USAGE, tiqu("extract", in.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("manifest.json") && stderr.contains("'../victim.txt' is outside records/"), stderr);
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void aJournalPathOutsideTheFolderIsRefusedToo() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path journal = Files.createDirectories(out.resolve(ManifestJournal.DIR_NAME));
        String entry = """
                {"doc":"b","source":"../in/b.txt","sha256":"x","format":"text","status":"ok",
                 "records":"records/../../victim.txt","counts":{}}
                """;
        Files.writeString(journal.resolve("0123.json"), entry);
        Files.write(in.resolve("b.txt"), new byte[] {0, 1, 2});

        assertEquals(Main.USAGE, tiqu("extract", in.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("is outside records/"), stderr);
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void aTruncatedManifestIsNamed() throws Exception {
        Path manifest = out.resolve("manifest.json");
        String whole = Files.readString(manifest);
        Files.writeString(manifest, whole.substring(0, whole.length() / 3));
        assertEquals(Main.USAGE, tiqu("extract", in.toString(), "--out", out.toString()));
        assertTrue(stderr.contains(manifest + ": not a readable manifest"), stderr);
        assertTrue(stderr.contains("at line"), stderr);
    }

    @Test
    void aTruncatedJournalEntryIsNamedAndItsDocumentDoneAgain() throws Exception {
        Path journal = Files.createDirectories(out.resolve(ManifestJournal.DIR_NAME));
        Path damaged = Files.writeString(journal.resolve("0123.json"), "{\"doc\":\"b\",\"sou");
        Files.writeString(in.resolve("b.txt"), "占比99%。", StandardCharsets.UTF_8);
        assertEquals(Main.OK, tiqu("extract", in.toString(), "--out", out.toString(), "--progress", "log"));
        assertTrue(stderr.contains(damaged + ": not a readable journal entry"), stderr);
        assertTrue(stderr.contains("1 document done, 1 skipped"), stderr);
        assertTrue(new Auditor().audit(out).passed());
    }

    @Test
    void anOutputThatIsAFileIsBadUsage() throws Exception {
        Path file = Files.writeString(dir.resolve("outfile"), "x");
        assertEquals(Main.USAGE, tiqu("extract", in.toString(), "--out", file.toString()));
        assertTrue(stderr.contains(file + " is a file, not a folder"), stderr);
    }
}
