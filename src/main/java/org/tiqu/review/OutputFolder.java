package org.tiqu.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.output.OutputPaths;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;

/**
 * Reads a document's text and records out of an extraction output folder, as the manifest
 * names them. Records and saved texts are read only inside the folder ({@link OutputPaths});
 * a source is read only at the path its manifest entry gives.
 */
public final class OutputFolder {

    /**
     * The text a document's offsets count in.
     *
     * @param text          null when it cannot be read ({@code problem} says why)
     * @param sourceChanged the source's bytes are no longer those the records were made from
     */
    public record DocumentText(String text, boolean sourceChanged, String problem) {
        public int[] codePoints() {
            return text == null ? new int[0] : text.codePoints().toArray();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public OutputFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The rules folder the manifest says the records were made with, as written there; null when it says none. */
    public String rulesDir() throws IOException {
        return ManifestDocuments.field(dir, "rules_dir");
    }

    /** The records of a document, in file order; a line that is not a JSON object is an error naming the file and line. */
    public List<JsonNode> records(DocumentRef doc) throws IOException {
        Path file = OutputPaths.inside(dir, doc.records());
        List<JsonNode> records = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": records file not found (run tiqu extract again)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode r = JSON.readTree(line);
                    if (!r.isObject()) {
                        throw new IOException(file + ":" + n + ": not a record (a JSON object)");
                    }
                    records.add(r);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + n + ": not JSON: " + e.getOriginalMessage());
                }
            }
        }
        return records;
    }

    /** The text the document's offsets count in: the saved article text of an HTML source, else the decoded source. */
    public DocumentText text(DocumentRef doc) throws IOException {
        Path source = doc.source() == null ? null : dir.resolve(doc.source()).normalize();
        boolean changed = false;
        byte[] bytes = null;
        if (source != null && doc.text() != null && org.tiqu.source.JsonlLines.isJsonl(source)) {
            // A line of a corpus: its sha256 is the line's, not the file's, and a corpus may be
            // gigabytes; the saved text is what the offsets count in, and tiqu audit checks the line.
            Path saved = OutputPaths.inside(dir, doc.text());
            if (!Files.isRegularFile(saved)) {
                return new DocumentText(null, false, "the saved text " + doc.text() + " is missing");
            }
            return new DocumentText(Files.readString(saved, StandardCharsets.UTF_8), !Files.isRegularFile(source), null);
        }
        if (source != null && Files.isRegularFile(source)) {
            bytes = Files.readAllBytes(source);
            changed = doc.sha256() != null && !doc.sha256().equals(SourceReader.sha256(bytes));
        }
        if (doc.text() != null) {
            Path saved = OutputPaths.inside(dir, doc.text());
            if (!Files.isRegularFile(saved)) {
                return new DocumentText(null, changed, "the saved article text " + doc.text() + " is missing");
            }
            return new DocumentText(Files.readString(saved, StandardCharsets.UTF_8), changed, null);
        }
        if (bytes == null) {
            return new DocumentText(null, true, "the source " + doc.source() + " is gone");
        }
        try {
            return new DocumentText(new SourceReader().decode(doc.id(), source, bytes).text(), changed, null);
        } catch (SourceException e) {
            return new DocumentText(null, true, "the source cannot be read: " + e.getMessage());
        }
    }
}
