package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.TestPipelines;

/** The review of a JSONL corpus's documents: their saved text, and no false "source changed". */
class JsonlReviewTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusLineIsShownWithItsTextAndNotAsChanged() throws Exception {
        Path corpus = dir.resolve("c.jsonl");
        Files.writeString(corpus, "{\"id\": \"a\", \"text\": \"" + ReviewFixture.REPORT.strip() + "\"}\n"
                + "{\"id\": \"b\", \"text\": \"" + ReviewFixture.OTHER.strip() + "\"}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()),
                BatchOptions.defaults().withThreads(1)).run(List.of(corpus));
        OutputFolder folder = new OutputFolder(out);
        OutputFolder.DocumentText text = folder.text(ReviewFixture.ref(folder, "b"));
        assertEquals(ReviewFixture.OTHER.strip(), text.text());
        assertFalse(text.sourceChanged(), "the entry's sha256 is its line's, not the corpus file's");
    }
}
