package org.tiqu.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.TestPipelines;

/**
 * metrics.csv and mentions.csv read back give every record's value (and a metric's change)
 * exactly as in records/: the seeds and the news corpus hold every kind (percent, points, times,
 * fraction, amounts with a unit or a currency, approx, bare changes).
 */
class RecordTablesRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readingTheTablesBackGivesEveryValueChangeAndApprox() throws Exception {
        Path out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                BatchOptions.defaults().withThreads(2))
                .run(List.of(Path.of("seeds"), Path.of("../shared/benchmarks/corpus/cnews-sample.jsonl")));

        List<JsonNode> metrics = new ArrayList<>();
        List<JsonNode> mentions = new ArrayList<>();
        for (DocumentEntry e : Manifest.read(out).documents()) {
            for (JsonNode r : RecordFiles.read(out, e)) {
                ("METRIC".equals(r.get("type").asText()) ? metrics : mentions).add(r);
            }
        }
        List<Map<String, String>> metricRows = rows(out.resolve(MetricsCsv.FILE_NAME));
        List<Map<String, String>> mentionRows = rows(out.resolve(MentionsCsv.FILE_NAME));
        assertEquals(metrics.size(), metricRows.size());
        assertEquals(mentions.size(), mentionRows.size());

        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            JsonNode r = metrics.get(i);
            Map<String, String> row = metricRows.get(i);
            assertEquals(r.get("doc").asText(), row.get("doc"));
            assertEquals(r.get("begin").asText(), row.get("begin"));
            assertEquals(r.get("rule").asText(), row.get("rule"));
            assertEquals(r.get("value"), value(row), "value of " + r);
            assertEquals(r.get("change"), change(row), "change of " + r);
            kinds.merge(row.get("value_kind").isEmpty() ? "(change only)" : row.get("value_kind"), 1, Integer::sum);
            assertTrue(row.get("value_kind").isEmpty() || !row.get("value").isEmpty(), "no kind without its value: " + row);
        }
        for (int i = 0; i < mentions.size(); i++) {
            assertEquals(mentions.get(i).get("value"), value(mentionRows.get(i)), "value of " + mentions.get(i));
            assertEquals(mentions.get(i).get("type").asText(), mentionRows.get(i).get("type"));
        }
        for (String kind : List.of("amount", "percent", "points", "times", "fraction", "(change only)")) {
            assertTrue(kinds.containsKey(kind), "the corpus has metrics of kind " + kind + ": " + kinds);
        }
    }

    /** The rows of a table as maps by column; the byte order mark is dropped. */
    static List<Map<String, String>> rows(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text.substring(1));
        return it.readAll();
    }

    private static JsonNode value(Map<String, String> row) {
        if (row.get("value_kind").isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode v = JSON.createObjectNode();
        v.put(row.get("value_kind"), row.get("value"));
        putIfAny(v, "unit", row.get("unit"));
        putIfAny(v, "currency", row.get("currency"));
        putIfAny(v, "approx", row.get("approx"));
        return v;
    }

    private static JsonNode change(Map<String, String> row) {
        if (row.get("change_kind").isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode c = JSON.createObjectNode();
        String figure = row.get("change");
        c.put(row.get("change_kind"), "down".equals(row.get("change_direction")) ? figure.substring(1) : figure);
        c.put("direction", row.get("change_direction"));
        if (row.get("change_basis").isEmpty()) {
            c.putNull("basis");
        } else {
            c.put("basis", row.get("change_basis"));
        }
        putIfAny(c, "approx", row.get("change_approx"));
        return c;
    }

    private static void putIfAny(ObjectNode o, String key, String cell) {
        if (!cell.isEmpty()) {
            o.put(key, cell);
        }
    }
}
