package org.tiqu.link;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.document.Document;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Provenance;
import org.tiqu.record.Record;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.Span;

/**
 * Runs the MetricLinker on hand-given mentions instead of extractor output: the gold
 * mention records of a gold set, or mentions a test writes itself. This measures the
 * linker on its own, whatever state the extractors are in.
 */
final class GoldMentionsLinker {

    static final Path SHARED = Path.of("..", "shared");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldMentionsLinker() {
    }

    /** The mention records (every type but METRIC) of one gold JSONL file. */
    static List<Mention> goldMentions(Path jsonl) throws IOException {
        List<Mention> mentions = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = JSON.readTree(line);
            RecordType type = RecordType.valueOf(r.get("type").asText());
            if (type == RecordType.METRIC) {
                continue;
            }
            mentions.add(new Mention(r.get("doc").asText(), type, new Span(r.get("begin").asInt(), r.get("end").asInt()),
                    r.get("text").asText(), value(r.get("value")), new Provenance("gold", -1, null)));
        }
        return mentions;
    }

    static Value value(JsonNode node) {
        Value v = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String s = e.getValue().isNull() ? null : e.getValue().asText();
            v = v == null ? Value.of(e.getKey(), s) : v.with(e.getKey(), s);
        }
        return v;
    }

    /** Links every document of {@code goldDir} on its gold mentions and writes mentions and metrics to {@code out}. */
    static void linkGoldSet(Pipeline pipeline, MetricLinker linker, Path goldDir, Path out) throws Exception {
        Files.createDirectories(out);
        try (var files = Files.list(goldDir)) {
            for (Path jsonl : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                String doc = jsonl.getFileName().toString().replaceAll("\\.jsonl$", "");
                SourceText source = new SourceReader().read(goldDir.resolve("docs").resolve(doc + ".txt"));
                Document document = pipeline.document(source, null);
                List<Mention> mentions = goldMentions(jsonl);
                List<Metric> metrics = linker.link(document, mentions);
                List<Record> records = new ArrayList<>(mentions);
                records.addAll(metrics);
                try (OutputStream o = Files.newOutputStream(out.resolve(doc + ".jsonl"))) {
                    RecordJson.writeLines(records, o);
                }
            }
        }
    }

    /** {@code score.py GOLD PRED} with extra arguments; its standard output. */
    static String score(Path goldDir, Path pred, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SHARED.resolve("score.py").toString(),
                goldDir.toString(), pred.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("score.py failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
