package org.tiqu.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheWholeFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("records/a.jsonl");
        AtomicFiles.write(target, "old\n".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(target));
        assertEquals(1, count(target.getParent()));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.jsonl");
        AtomicFiles.write(target, "complete old content\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("complete old content\n", Files.readString(target));
        assertEquals(1, count(dir), "the temporary file must be gone");
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
