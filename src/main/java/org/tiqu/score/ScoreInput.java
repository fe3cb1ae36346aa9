package org.tiqu.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.TiquException;

/**
 * The gold set and the predictions, loaded as {@code score.py} loads them: gold from
 * {@code GOLD_DIR/*.jsonl} with sources in {@code GOLD_DIR/docs/<doc>.txt}; predictions
 * from a .jsonl file or every .jsonl under a folder, kept only for gold documents.
 *
 * @param sources each gold document's text as code points
 */
record ScoreInput(List<ObjectNode> gold, List<ObjectNode> preds, Map<String, int[]> sources) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ScoreInput load(Path goldDir, Path pred) throws IOException {
        List<ObjectNode> gold = new ArrayList<>();
        Map<String, int[]> sources = new LinkedHashMap<>();
        for (Path g : sorted(list(goldDir, false))) {
            gold.addAll(readJsonl(g));
            String stem = stem(g);
            sources.put(stem, readSource(goldDir.resolve("docs").resolve(stem + ".txt")).codePoints().toArray());
        }
        List<Path> files = Files.isDirectory(pred) ? sorted(list(pred, true)) : List.of(pred);
        List<ObjectNode> preds = new ArrayList<>();
        for (Path p : files) {
            for (ObjectNode r : readJsonl(p)) {
                if (!r.has("doc") && sources.containsKey(stem(p))) {
                    r.put("doc", stem(p));
                }
                if (r.has("doc") && sources.containsKey(r.get("doc").asText()) && r.get("doc").isTextual()) {
                    preds.add(r);
                }
            }
        }
        return new ScoreInput(gold, preds, sources);
    }

    private static List<Path> list(Path dir, boolean recursive) throws IOException {
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).toList();
        }
    }

    /** Python sorts paths part by part. */
    private static List<Path> sorted(List<Path> paths) {
        Comparator<Path> byParts = (a, b) -> {
            int n = Math.min(a.getNameCount(), b.getNameCount());
            for (int i = 0; i < n; i++) {
                int c = a.getName(i).toString().compareTo(b.getName(i).toString());
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.getNameCount(), b.getNameCount());
        };
        return paths.stream().sorted(byParts).toList();
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<ObjectNode> readJsonl(Path file) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add((ObjectNode) JSON.readTree(line.strip()));
                } catch (IOException | ClassCastException e) {
                    throw new TiquException(file + ":" + n + ": not a JSON object");
                }
            }
        }
        return out;
    }

    private static String readSource(Path path) throws IOException {
        byte[] data = Files.readAllBytes(path);
        int offset = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(data, offset, data.length - offset)).toString();
            } catch (CharacterCodingException e) {
                // try the next encoding, as score.py does
            }
        }
        throw new TiquException(path + ": neither UTF-8 nor GB18030");
    }
}
