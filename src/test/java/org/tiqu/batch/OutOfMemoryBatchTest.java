package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquProcess;

/**
 * The launcher bounds the heap so that memory stays flat; a document that needs more than
 * that (here a million percentages on one line) must fail alone, with a reason that
 * names the fix, while the batch goes on. Run in a separate JVM with the launcher's heap.
 *
 * <p>Case 11: this once failed under load with no manifest at all. HanLP loaded on a
 * background thread while the huge document filled the heap; the error could hit HanLP's
 * loading (a raw stack trace from {@code hanlp-preload}) and leave a HanLP dictionary unusable
 * for every later document that needed it, which killed the batch. HanLP is now loaded before
 * any document runs (a heap too small for it fails the command at once, saying so), no error
 * of one document ends the batch, and the log must hold no stack trace. The test ran with a
 * 64 MB heap, in which HanLP's recogniser dictionaries never fit: it passed only when the small
 * document did not need them.
 */
class OutOfMemoryBatchTest {

    @Test
    void aDocumentTooLargeForTheHeapFailsAloneAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-huge.txt"), "增长15.28%、".repeat(1_000_000), StandardCharsets.UTF_8);
        // An organisation, so that HanLP's recogniser must work after the huge document.
        Files.writeString(in.resolve("b-small.txt"), "济南高新区管理委员会发布：1-7月，规上工业总产值完成214.35亿元、增长10.65%。",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        // The launcher's heap (HanLP's dictionaries alone need more than 64 MB).
        TiquProcess.Finished run = TiquProcess.run(dir.resolve("run.log"), 180, "extract", in.toString(),
                "--out", out.toString(), "--threads", "1", "--progress", "log");
        String log = run.output();
        assertEquals(1, run.exitCode(), log);
        assertFalse(log.contains("Exception in thread") || log.contains("java.lang.OutOfMemoryError"),
                "a reason, not a stack trace: " + log);

        JsonNode documents = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("documents");
        assertEquals(2, documents.size(), log);
        JsonNode huge = documents.get(0);
        JsonNode small = documents.get(1);
        assertEquals("failed", huge.get("status").asText(), log);
        assertTrue(huge.get("error").asText().startsWith("out of memory"), huge.toString());
        assertTrue(huge.get("error").asText().contains("-Xmx"), huge.toString());
        assertEquals("ok", small.get("status").asText(), log);
        assertTrue(small.get("counts").path("ORG").asInt() > 0, small.toString());
        assertTrue(Files.size(out.resolve(small.get("records").asText())) > 0);
    }
}
