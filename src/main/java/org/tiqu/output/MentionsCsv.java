package org.tiqu.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.record.Mention;
import org.tiqu.record.Value;

/**
 * {@code output/mentions.csv}: one row per mention (ORG, MONEY, PERCENT, QUANTITY, DATE,
 * DURATION) of every document in the manifest, beside {@code metrics.csv} and written the same
 * way ({@link CsvTable}): {@code doc}, {@code type}, {@code text}, {@code begin}, {@code end},
 * the five {@link ValueColumns}, {@code rule}, {@code sentence}, {@code section}.
 */
public final class MentionsCsv {

    public static final String FILE_NAME = "mentions.csv";
    public static final List<String> COLUMNS = List.of("doc", "type", "text", "begin", "end",
            "value", "value_kind", "unit", "currency", "approx", "rule", "sentence", "section");

    private MentionsCsv() {
    }

    public static void write(Path outDir, Manifest manifest) throws IOException {
        write(outDir, manifest, InOrder.defaultThreads());
    }

    /** As above, on {@code threads} threads (the rows are the same, in the same order). */
    public static void write(Path outDir, Manifest manifest, int threads) throws IOException {
        CsvTable.write(outDir, manifest, FILE_NAME, COLUMNS, MentionsCsv::rowOrNull, threads);
    }

    /** The row of a mention. */
    public static List<String> row(Mention m) {
        return row(m.doc(), m.type().name(), m.text(), m.span().begin(), m.span().end(), m.value(),
                m.provenance().rule(), m.provenance().sentence(), m.provenance().section());
    }

    static List<String> rowOrNull(JsonNode r) {
        String type = r.path("type").asText();
        if (type.equals("METRIC") || type.isEmpty()) {
            return null;
        }
        return row(CsvTable.text(r, "doc"), type, CsvTable.text(r, "text"), r.path("begin").asInt(), r.path("end").asInt(),
                RecordJson.valueOf(r, "value"), CsvTable.text(r, "rule"),
                r.hasNonNull("sentence") ? r.get("sentence").asInt() : null, CsvTable.text(r, "section"));
    }

    private static List<String> row(String doc, String type, String text, int begin, int end, Value value, String rule,
                                    Integer sentence, String section) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(doc);
        cells.add(type);
        cells.add(text);
        cells.add(Integer.toString(begin));
        cells.add(Integer.toString(end));
        cells.addAll(ValueColumns.of(value));
        cells.add(ValueColumns.nonNull(rule));
        cells.add(sentence == null ? "" : sentence.toString());
        cells.add(ValueColumns.nonNull(section));
        return cells;
    }
}
