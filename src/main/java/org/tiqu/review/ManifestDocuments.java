package org.tiqu.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.TiquException;
import org.tiqu.output.Manifest;

/**
 * The entries of {@code manifest.json}, read one at a time: a manifest of 100 000 documents
 * is tens of megabytes, and the review never needs it in memory at once.
 */
final class ManifestDocuments {

    /** What is done with each entry. */
    @FunctionalInterface
    interface Visitor {
        void visit(JsonNode entry) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestDocuments() {
    }

    static Path file(Path outDir) {
        return outDir.resolve(Manifest.FILE_NAME);
    }

    /** Visits every entry of the manifest's {@code documents}, in order. */
    static void forEach(Path outDir, Visitor visitor) throws IOException {
        Path file = file(outDir);
        if (!Files.isRegularFile(file)) {
            throw new TiquException(file + ": no manifest (run tiqu extract first)");
        }
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TiquException(file + ": not a tiqu manifest (no JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("documents".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        visitor.visit(JSON.readTree(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** The manifest's top-level field, e.g. {@code rules_dir}; null when absent. */
    static String field(Path outDir, String field) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(file(outDir).toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name) && value.isScalarValue()) {
                    return value == JsonToken.VALUE_NULL ? null : p.getText();
                }
                p.skipChildren();
            }
        }
        return null;
    }
}
