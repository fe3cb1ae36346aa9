package org.tiqu.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.record.Metric;
import org.tiqu.record.Value;

/**
 * {@code output/metrics.csv}: one row per METRIC record of every document in the manifest, for
 * a spreadsheet or pandas (see {@link CsvTable} for the encoding and formula guard).
 *
 * <p>The value takes the five {@link ValueColumns} ({@code value}, {@code value_kind} —
 * {@code amount}, {@code percent}, {@code points}, {@code times} or {@code fraction} —,
 * {@code unit}, {@code currency}, {@code approx}); a metric with only a change leaves them
 * empty. The change: {@code change} signed ({@code -3.2} for 下降3.2%), {@code change_kind}
 * ({@code percent}, {@code points}, {@code times}), {@code change_direction} ({@code up},
 * {@code down}), {@code change_basis} ({@code yoy}, {@code mom} or empty), {@code change_approx}.
 * {@code text}, {@code begin} and {@code end} locate the evidence in code points; {@code rule},
 * {@code sentence} and {@code section} say where it came from. Every field of a value has its
 * column, so reading a row back gives the record's value and change exactly
 * ({@code RecordTablesRoundTripTest}); 1,472 of 25,248 rows of a 3,504-document batch had an
 * empty value when only amounts and percents had a column.
 *
 * <p>Rows are made from {@link Metric}'s accessors and {@link Value}s, never from the order or
 * presence of other fields in a record's JSON, so that fields a record gains change nothing here.
 */
public final class MetricsCsv {

    public static final String FILE_NAME = "metrics.csv";
    public static final List<String> COLUMNS = List.of("doc", "subject", "period", "indicator",
            "value", "value_kind", "unit", "currency", "approx",
            "change", "change_kind", "change_direction", "change_basis", "change_approx",
            "modality", "text", "begin", "end", "rule", "sentence", "section");

    private MetricsCsv() {
    }

    /** Streams the rows document by document, so that memory stays flat however large the batch. */
    public static void write(Path outDir, Manifest manifest) throws IOException {
        write(outDir, manifest, InOrder.defaultThreads());
    }

    /** As above, on {@code threads} threads (the rows are the same, in the same order). */
    public static void write(Path outDir, Manifest manifest, int threads) throws IOException {
        CsvTable.write(outDir, manifest, FILE_NAME, COLUMNS, MetricsCsv::rowOrNull, threads);
    }

    /** The row of a metric. */
    public static List<String> row(Metric m) {
        return row(m.doc(), m.subject(), m.period(), m.indicator(), m.value(), m.change(), m.modality(), m.text(),
                m.span().begin(), m.span().end(), m.provenance().rule(), m.provenance().sentence(),
                m.provenance().section());
    }

    /** The row of a record read back from a records file, or null when it is not a METRIC. */
    public static List<String> rowOrNull(JsonNode r) {
        if (!"METRIC".equals(r.path("type").asText())) {
            return null;
        }
        return row(CsvTable.text(r, "doc"), nullable(r, "subject"), nullable(r, "period"), CsvTable.text(r, "indicator"),
                RecordJson.valueOf(r, "value"), RecordJson.valueOf(r, "change"), CsvTable.text(r, "modality"),
                CsvTable.text(r, "text"), r.path("begin").asInt(), r.path("end").asInt(), nullable(r, "rule"),
                r.hasNonNull("sentence") ? r.get("sentence").asInt() : null, nullable(r, "section"));
    }

    private static List<String> row(String doc, String subject, String period, String indicator, Value value,
                                    Value change, String modality, String text, int begin, int end, String rule,
                                    Integer sentence, String section) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(doc);
        cells.add(ValueColumns.nonNull(subject));
        cells.add(ValueColumns.nonNull(period));
        cells.add(indicator);
        cells.addAll(ValueColumns.of(value));
        cells.addAll(changeCells(change));
        cells.add(modality);
        cells.add(text);
        cells.add(Integer.toString(begin));
        cells.add(Integer.toString(end));
        cells.add(ValueColumns.nonNull(rule));
        cells.add(sentence == null ? "" : sentence.toString());
        cells.add(ValueColumns.nonNull(section));
        return cells;
    }

    /** {@code change} (signed), {@code change_kind}, {@code change_direction}, {@code change_basis}, {@code change_approx}. */
    private static List<String> changeCells(Value change) {
        if (change == null) {
            return List.of("", "", "", "", "");
        }
        String kind = ValueColumns.kindOf(change);
        String figure = kind == null ? "" : ValueColumns.nonNull(change.get(kind));
        String direction = ValueColumns.nonNull(change.get("direction"));
        if (direction.equals("down") && !figure.isEmpty()) {
            figure = "-" + figure;
        }
        return List.of(figure, kind == null ? "" : kind, direction, ValueColumns.nonNull(change.get("basis")),
                ValueColumns.nonNull(change.get("approx")));
    }

    private static String nullable(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : null;
    }

    /** {@code cell}, made inert for a spreadsheet when it starts like a formula (see {@link CsvTable}). */
    static String neutralised(String cell) {
        return CsvTable.neutralised(cell);
    }
}
