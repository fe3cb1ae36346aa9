package org.tiqu.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher bounds the heap so that memory stays flat; a document that needs more than
 * that (here half a million percentages on one line) must fail alone, with a reason that
 * names the fix, while the batch goes on. Run in a separate JVM with a small heap.
 */
class OutOfMemoryBatchTest {

    @Test
    void aDocumentTooLargeForTheHeapFailsAloneAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-huge.txt"), "增长15.28%、".repeat(500_000), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b-small.txt"), "1-7月，规上工业总产值完成214.35亿元、增长10.65%。", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process tiqu = new ProcessBuilder(java.toString(), "-Xss8m", "-Xmx64m", "-Dfile.encoding=UTF-8", "-cp", classpath,
                "org.tiqu.cli.Main", "extract", in.toString(), "--out", out.toString(), "--threads", "1",
                "--progress", "log")
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        assertTrue(tiqu.waitFor(120, TimeUnit.SECONDS), "the batch did not end");
        String log = Files.readString(dir.resolve("run.log"));
        assertEquals(1, tiqu.exitValue(), log);

        JsonNode documents = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("documents");
        assertEquals(2, documents.size(), log);
        JsonNode huge = documents.get(0);
        JsonNode small = documents.get(1);
        assertEquals("failed", huge.get("status").asText(), log);
        assertTrue(huge.get("error").asText().startsWith("out of memory"), huge.toString());
        assertTrue(huge.get("error").asText().contains("-Xmx"), huge.toString());
        assertEquals("ok", small.get("status").asText(), log);
        assertTrue(Files.size(out.resolve(small.get("records").asText())) > 0);
    }
}
