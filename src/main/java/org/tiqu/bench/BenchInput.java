package org.tiqu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.batch.InputFiles;

/**
 * The documents a benchmark runs over, held as bytes so that decoding is timed too.
 * Plain files are one document each; a {@code .jsonl} file is a corpus with one
 * document per line in its {@code text} field.
 */
public record BenchInput(String id, byte[] bytes) {

    public static List<BenchInput> load(List<Path> inputs) throws IOException {
        List<BenchInput> docs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : InputFiles.expand(inputs)) {
            if (file.getFileName().toString().endsWith(".jsonl")) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    int n = 0;
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        JsonNode text = json.readTree(line).get("text");
                        if (text != null && !text.asText().isBlank()) {
                            docs.add(new BenchInput(file.getFileName() + "#" + n, text.asText().getBytes(StandardCharsets.UTF_8)));
                        }
                        n++;
                    }
                }
            } else {
                docs.add(new BenchInput(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        return docs;
    }
}
