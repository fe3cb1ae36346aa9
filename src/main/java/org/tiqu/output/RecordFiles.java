package org.tiqu.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads back the records a batch wrote, as JSON trees: reports are made from the files, not from memory. */
public final class RecordFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordFiles() {
    }

    /** The records of a document entry; none when it failed or its file is missing. */
    public static List<JsonNode> read(Path outDir, DocumentEntry entry) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        if (!entry.ok() || entry.records() == null) {
            return records;
        }
        Path file = OutputPaths.resolve(outDir, entry.records(), OutputPaths.RECORDS);
        if (!Files.isRegularFile(file)) {
            return records;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    records.add(JSON.readTree(line));
                }
            }
        }
        return records;
    }
}
