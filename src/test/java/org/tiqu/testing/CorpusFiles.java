package org.tiqu.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the articles of a JSON-lines corpus ({@code {"id", "label", "text"}} a line, as
 * {@code ../shared/benchmarks/corpus/cnews-sample.jsonl}) as one UTF-8 .txt file each,
 * {@code cnews-000.txt} on, so that a batch can read them as a folder of press releases.
 * Run as a program: {@code CorpusFiles CORPUS.jsonl DIR}.
 */
public final class CorpusFiles {

    public static final Path CNEWS = Path.of("../shared/benchmarks/corpus/cnews-sample.jsonl");

    private CorpusFiles() {
    }

    /** Writes up to {@code limit} articles into {@code dir}; returns how many. */
    public static int write(Path corpus, Path dir, int limit) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && n < limit; line = in.readLine()) {
                if (!line.isBlank()) {
                    String text = json.readTree(line).get("text").asText();
                    Files.writeString(dir.resolve(String.format("cnews-%03d.txt", n++)), text, StandardCharsets.UTF_8);
                }
            }
        }
        return n;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(write(Path.of(args[0]), Path.of(args[1]), Integer.MAX_VALUE) + " articles written to " + args[1]);
    }
}
