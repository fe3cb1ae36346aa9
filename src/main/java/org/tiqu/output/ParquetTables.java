package org.tiqu.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.output.ParquetTable.Column;
import org.tiqu.output.ParquetTable.Kind;
import org.tiqu.record.RecordType;

/**
 * {@code mentions.parquet}, {@code metrics.parquet} and {@code documents.parquet} of an output
 * folder, for pandas, DuckDB and Spark.
 *
 * <p>{@code mentions} and {@code metrics} have the columns of {@link MentionsCsv} and
 * {@link MetricsCsv}, in the same order and made by the same row code, typed: {@code begin},
 * {@code end} and {@code sentence} INT32, every other column a UTF-8 string. An empty CSV cell is
 * a null here; the CSV's spreadsheet formula guard (a leading {@code '}) is not applied, since
 * no reader of Parquet runs formulas. {@code value} and {@code change} stay strings, exactly as
 * the record writes them, because a Parquet DECIMAL column has one scale for every row (3.2 and
 * 0.125 would come back as 3.200 and 0.125, and a scale of 38 digits bounds what fits), a
 * mention's value is a timex, duration or name as often as a number, and a fraction is
 * {@code 1/3}; {@code CAST(value AS DECIMAL(38, 6))} in DuckDB or {@code Decimal(v)} in pandas
 * gives the number without losing a digit.
 *
 * <p>{@code documents} has one row per manifest entry ({@link #DOCUMENT_COLUMNS}).
 */
public final class ParquetTables {

    public static final String MENTIONS = "mentions.parquet";
    public static final String METRICS = "metrics.parquet";
    public static final String DOCUMENTS = "documents.parquet";
    /** Where the tables go when no folder is given: {@code OUT/parquet/}. */
    public static final String FOLDER = "parquet";

    private static final Set<String> INT_COLUMNS = Set.of("begin", "end", "sentence");
    /** Columns every row of mentions or metrics has. */
    private static final Set<String> REQUIRED = Set.of("doc", "type", "text", "begin", "end");

    public static final List<Column> MENTION_COLUMNS = typed(MentionsCsv.COLUMNS);
    public static final List<Column> METRIC_COLUMNS = typed(MetricsCsv.COLUMNS);
    public static final List<Column> DOCUMENT_COLUMNS = documentColumns();

    private ParquetTables() {
    }

    /** What was written: rows per table. */
    public record Written(long mentions, long metrics, long documents) {
    }

    /**
     * Writes the three tables of {@code outDir} into {@code toDir}, each atomically; records
     * files are read one document at a time, so memory stays flat however large the batch.
     */
    public static Written write(Path outDir, Manifest manifest, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        long mentions = records(outDir, manifest, toDir.resolve(MENTIONS), "mentions", MENTION_COLUMNS, MentionsCsv::rowOrNull);
        long metrics = records(outDir, manifest, toDir.resolve(METRICS), "metrics", METRIC_COLUMNS, MetricsCsv::rowOrNull);
        long[] documents = {0};
        ParquetTable.write(toDir.resolve(DOCUMENTS), "documents", DOCUMENT_COLUMNS, table -> {
            for (DocumentEntry entry : manifest.documents()) {
                table.add(documentRow(entry));
                documents[0]++;
            }
        });
        return new Written(mentions, metrics, documents[0]);
    }

    private static long records(Path outDir, Manifest manifest, Path target, String name, List<Column> columns,
                                Function<JsonNode, List<String>> row) throws IOException {
        long[] rows = {0};
        ParquetTable.write(target, name, columns, table -> {
            for (DocumentEntry entry : manifest.documents()) {
                for (JsonNode r : RecordFiles.read(outDir, entry)) {
                    List<String> cells = row.apply(r);
                    if (cells != null) {
                        table.add(cells(columns, cells));
                        rows[0]++;
                    }
                }
            }
        });
        return rows[0];
    }

    /** The CSV row's cells typed for {@code columns}: ints parsed, empty cells null. */
    static Object[] cells(List<Column> columns, List<String> row) {
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            String cell = row.get(i);
            if (cell == null || cell.isEmpty()) {
                cells[i] = null;
            } else if (columns.get(i).kind() == Kind.INT32) {
                cells[i] = Integer.valueOf(cell);
            } else {
                cells[i] = cell;
            }
        }
        return cells;
    }

    private static List<Column> typed(List<String> names) {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(new Column(name, INT_COLUMNS.contains(name) ? Kind.INT32 : Kind.STRING, REQUIRED.contains(name)));
        }
        return List.copyOf(columns);
    }

    /** The record types counted in {@code documents}: {@code count_org} … {@code count_metric}. */
    public static String countColumn(RecordType type) {
        return "count_" + type.name().toLowerCase(Locale.ROOT);
    }

    private static List<Column> documentColumns() {
        List<Column> c = new ArrayList<>(List.of(
                Column.optional("doc", Kind.STRING),
                Column.required("source", Kind.STRING),
                Column.optional("line", Kind.INT32),
                Column.optional("sha256", Kind.STRING),
                Column.optional("format", Kind.STRING),
                Column.optional("encoding", Kind.STRING),
                Column.required("bom", Kind.BOOLEAN),
                Column.optional("encoding_note", Kind.STRING),
                Column.optional("offsets", Kind.STRING),
                Column.optional("text_field", Kind.STRING),
                Column.optional("text", Kind.STRING),
                Column.required("status", Kind.STRING),
                Column.optional("error", Kind.STRING),
                Column.optional("records", Kind.STRING),
                Column.optional("records_sha256", Kind.STRING),
                Column.required("record_count", Kind.INT32)));
        for (RecordType type : RecordType.values()) {
            c.add(Column.required(countColumn(type), Kind.INT32));
        }
        c.addAll(List.of(
                Column.optional("reference_date", Kind.DATE),
                Column.optional("reference_year", Kind.INT32),
                Column.optional("reference_how", Kind.STRING),
                Column.optional("reference_date_given", Kind.STRING),
                Column.optional("rules_sha256", Kind.STRING),
                Column.optional("code_sha256", Kind.STRING)));
        return List.copyOf(c);
    }

    static Object[] documentRow(DocumentEntry e) {
        List<Object> row = new ArrayList<>(DOCUMENT_COLUMNS.size());
        row.addAll(java.util.Arrays.asList(e.doc(), e.source(), e.line(), e.sha256(), e.format(), e.encoding(), e.bom(),
                e.encodingNote(), e.offsets(), e.textField(), e.text(), e.status(), e.error(), e.records(),
                e.recordsSha256(), e.recordCount()));
        Map<String, Integer> counts = e.counts() == null ? Map.of() : e.counts();
        for (RecordType type : RecordType.values()) {
            row.add(counts.getOrDefault(type.name(), 0));
        }
        row.addAll(java.util.Arrays.asList(
                e.reference() == null ? null : e.reference().date(),
                e.reference() == null ? null : e.reference().year(),
                e.reference() == null ? null : e.reference().how(),
                e.referenceDate(), e.rulesSha256(), e.codeSha256()));
        return row.toArray();
    }
}
