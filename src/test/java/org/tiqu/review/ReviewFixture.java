package org.tiqu.review;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.TestPipelines;

/** Real extraction outputs for the review tests: sources written to {@code in/}, extracted to {@code out/}. */
final class ReviewFixture {

    static final String REPORT = "济北开发区2024年一般公共预算收入完成13.72亿元、同比增长15.28%。"
            + "规上工业总产值完成214.35亿元、增长10.65%。山东七运集团投资5亿元。\n";
    static final String OTHER = "济南高新区实际使用外资7778.25万美元，同比增长12.06%。新增企业407家。\n";

    private ReviewFixture() {
    }

    /** Writes each source (id → text) under {@code dir/in} and extracts them into {@code dir/out}. */
    static Path extract(Path dir, Map<String, String> sources) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Files.writeString(in.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
        }
        Path out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()),
                BatchOptions.defaults().withThreads(1)).run(List.of(in));
        return out;
    }

    static DocumentRef ref(OutputFolder out, String id) throws IOException {
        DocumentRef[] found = new DocumentRef[1];
        ManifestDocuments.forEach(out.dir(), entry -> {
            DocumentRef r = DocumentRef.of(entry);
            if (r != null && r.id().equals(id)) {
                found[0] = r;
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("no document " + id);
        }
        return found[0];
    }

    /** The first record of a type (and text, when given) in a document. */
    static JsonNode record(OutputFolder out, String id, String type, String text) throws IOException {
        for (JsonNode r : out.records(ref(out, id))) {
            if (r.path("type").asText().equals(type) && (text == null || r.path("text").asText().equals(text))) {
                return r;
            }
        }
        throw new IllegalStateException("no " + type + " '" + text + "' in " + id);
    }
}
