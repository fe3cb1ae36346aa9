package org.tiqu.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.ReadOptionsWithoutHadoop;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/**
 * The Parquet tables of the seeds output, read back with parquet-java's own reader (no Python,
 * no Hadoop: the test class path has none, as tiqu.jar has none): one row per record or manifest
 * entry, every cell equal to the record's field, numbers equal as {@link BigDecimal}s digit for
 * digit (scale included), the same columns and cells as the CSV tables.
 */
class ParquetTablesTest {

    @TempDir
    static Path dir;
    static Path out;
    static List<JsonNode> metrics = new ArrayList<>();
    static List<JsonNode> mentions = new ArrayList<>();

    @BeforeAll
    static void extractTheSeeds() throws Exception {
        out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                BatchOptions.defaults().withThreads(2)).run(List.of(Path.of("seeds")));
        for (DocumentEntry e : Manifest.read(out).documents()) {
            for (JsonNode r : RecordFiles.read(out, e)) {
                ("METRIC".equals(r.get("type").asText()) ? metrics : mentions).add(r);
            }
        }
        ParquetTables.write(out, Manifest.read(out), out.resolve("parquet"));
    }

    @Test
    void theWriterNeedsNoHadoop() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
    }

    @Test
    void metricsHoldEveryRecordsFieldsAndExactNumbers() throws Exception {
        List<Map<String, Object>> rows = read(out.resolve("parquet/metrics.parquet"));
        assertEquals(metrics.size(), rows.size());
        assertTrue(rows.size() > 50, "the seeds have metrics: " + rows.size());
        int numbers = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = metrics.get(i);
            Map<String, Object> row = rows.get(i);
            String where = "metric " + i + ": " + r;
            assertEquals(r.get("doc").asText(), row.get("doc"), where);
            assertEquals(r.get("text").asText(), row.get("text"), where);
            assertEquals(r.get("begin").asInt(), row.get("begin"), where);
            assertEquals(r.get("end").asInt(), row.get("end"), where);
            assertEquals(textOrNull(r, "subject"), row.get("subject"), where);
            assertEquals(textOrNull(r, "period"), row.get("period"), where);
            assertEquals(textOrNull(r, "indicator"), row.get("indicator"), where);
            assertEquals(textOrNull(r, "modality"), row.get("modality"), where);
            assertEquals(textOrNull(r, "rule"), row.get("rule"), where);
            assertEquals(r.hasNonNull("sentence") ? r.get("sentence").asInt() : null, row.get("sentence"), where);
            assertEquals(textOrNull(r, "section"), row.get("section"), where);
            numbers += checkValue(r.get("value"), row, where);
            JsonNode change = r.get("change");
            if (change == null || change.isNull()) {
                assertNull(row.get("change"), where);
                assertNull(row.get("change_kind"), where);
            } else {
                String kind = (String) row.get("change_kind");
                assertNotNull(kind, where);
                BigDecimal figure = new BigDecimal(change.get(kind).asText());
                BigDecimal signed = "down".equals(change.path("direction").asText()) ? figure.negate() : figure;
                assertEquals(signed, new BigDecimal((String) row.get("change")), where);
                assertEquals(textOrNull(change, "direction"), row.get("change_direction"), where);
                assertEquals(textOrNull(change, "basis"), row.get("change_basis"), where);
                assertEquals(textOrNull(change, "approx"), row.get("change_approx"), where);
                numbers++;
            }
        }
        assertTrue(numbers > 100, "numbers compared: " + numbers);
    }

    @Test
    void mentionsHoldEveryRecordsFieldsAndExactNumbers() throws Exception {
        List<Map<String, Object>> rows = read(out.resolve("parquet/mentions.parquet"));
        assertEquals(mentions.size(), rows.size());
        Set<String> types = new java.util.TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = mentions.get(i);
            Map<String, Object> row = rows.get(i);
            String where = "mention " + i + ": " + r;
            assertEquals(r.get("doc").asText(), row.get("doc"), where);
            assertEquals(r.get("type").asText(), row.get("type"), where);
            assertEquals(r.get("text").asText(), row.get("text"), where);
            assertEquals(r.get("begin").asInt(), row.get("begin"), where);
            assertEquals(r.get("end").asInt(), row.get("end"), where);
            checkValue(r.get("value"), row, where);
            types.add((String) row.get("type"));
        }
        assertEquals(Set.of("DATE", "DURATION", "MONEY", "ORG", "PERCENT", "QUANTITY"), types);
    }

    /** The value columns against the record's value; 1 when it is a number (compared as BigDecimal). */
    private static int checkValue(JsonNode value, Map<String, Object> row, String where) {
        if (value == null || value.isNull()) {
            for (String c : ValueColumns.NAMES) {
                assertNull(row.get(c), where);
            }
            return 0;
        }
        String kind = (String) row.get("value_kind");
        assertNotNull(kind, where);
        assertTrue(value.has(kind), where);
        assertEquals(value.get(kind).asText(), row.get("value"), where);
        assertEquals(textOrNull(value, "unit"), row.get("unit"), where);
        assertEquals(textOrNull(value, "currency"), row.get("currency"), where);
        assertEquals(textOrNull(value, "approx"), row.get("approx"), where);
        if (List.of("amount", "percent", "points", "times").contains(kind)) {
            // equals, not compareTo: 1.50 must stay 1.50, with its scale.
            assertEquals(new BigDecimal(value.get(kind).asText()), new BigDecimal((String) row.get("value")), where);
            return 1;
        }
        return 0;
    }

    @Test
    void theRecordTablesHaveTheColumnsAndCellsOfTheCsvTables() throws Exception {
        compareWithCsv("metrics", MetricsCsv.FILE_NAME, MetricsCsv.COLUMNS);
        compareWithCsv("mentions", MentionsCsv.FILE_NAME, MentionsCsv.COLUMNS);
    }

    private static void compareWithCsv(String table, String csvName, List<String> csvColumns) throws Exception {
        MessageType schema = schemaOf(out.resolve("parquet/" + table + ".parquet"));
        assertEquals(csvColumns, schema.getFields().stream().map(Type::getName).toList());
        for (String c : List.of("begin", "end", "sentence")) {
            assertEquals(PrimitiveTypeName.INT32, schema.getType(c).asPrimitiveType().getPrimitiveTypeName(), c);
        }
        for (String c : List.of("doc", "text", "value")) {
            PrimitiveType t = schema.getType(c).asPrimitiveType();
            assertEquals(PrimitiveTypeName.BINARY, t.getPrimitiveTypeName(), c);
            assertEquals(LogicalTypeAnnotation.stringType(), t.getLogicalTypeAnnotation(), c);
        }
        List<Map<String, Object>> rows = read(out.resolve("parquet/" + table + ".parquet"));
        List<Map<String, String>> csv = csvRows(out.resolve(csvName));
        assertEquals(csv.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (String c : csvColumns) {
                Object cell = rows.get(i).get(c);
                String expected = csv.get(i).get(c);
                if (expected.startsWith("'")) {
                    expected = expected.substring(1); // the CSV's spreadsheet formula guard
                }
                assertEquals(expected, cell == null ? "" : cell.toString(), table + " row " + i + " column " + c);
            }
        }
    }

    @Test
    void documentsHaveOneRowPerManifestEntry() throws Exception {
        List<DocumentEntry> entries = Manifest.read(out).documents();
        List<Map<String, Object>> rows = read(out.resolve("parquet/documents.parquet"));
        assertEquals(entries.size(), rows.size());
        assertEquals(5, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DocumentEntry e = entries.get(i);
            Map<String, Object> row = rows.get(i);
            assertEquals(e.doc(), row.get("doc"));
            assertEquals(e.source(), row.get("source"));
            assertEquals(e.sha256(), row.get("sha256"));
            assertEquals(e.status(), row.get("status"));
            assertEquals(e.error(), row.get("error"));
            assertEquals(e.bom(), row.get("bom"));
            assertEquals(e.records(), row.get("records"));
            assertEquals(e.recordsSha256(), row.get("records_sha256"));
            assertEquals(e.recordCount(), row.get("record_count"));
            int sum = 0;
            for (RecordType type : RecordType.values()) {
                int n = (Integer) row.get(ParquetTables.countColumn(type));
                assertEquals(e.counts().getOrDefault(type.name(), 0), n, type.name());
                sum += n;
            }
            assertEquals(e.recordCount(), sum);
            assertEquals(e.reference().year(), row.get("reference_year"));
            assertEquals(e.reference().how(), row.get("reference_how"));
            assertEquals(e.reference().date() == null ? null : (int) e.reference().date().toEpochDay(), row.get("reference_date"));
            assertEquals(e.rulesSha256(), row.get("rules_sha256"));
            assertEquals(e.codeSha256(), row.get("code_sha256"));
        }
        assertEquals(metrics.size() + mentions.size(),
                rows.stream().mapToInt(r -> (Integer) r.get("record_count")).sum());
    }

    @Test
    void aDateAndAFailedDocumentAreWritten() throws Exception {
        DocumentEntry given = new DocumentEntry("a", "in/a.txt", "00", "text", "UTF-8", false, "source", null, "ok",
                "records/a.jsonl", java.util.Map.of("ORG", 2, "METRIC", 1),
                org.tiqu.document.ReferenceTime.given(LocalDate.of(2024, 3, 31)), "r", "c", "2024-03-31", null);
        DocumentEntry failed = DocumentEntry.failed(null, "in/b.txt", "11", "text", "not UTF-8 and not GB18030");
        Path file = dir.resolve("two/documents.parquet");
        ParquetTable.write(file, "documents", ParquetTables.DOCUMENT_COLUMNS, t -> {
            t.add(ParquetTables.documentRow(given));
            t.add(ParquetTables.documentRow(failed));
        });
        List<Map<String, Object>> rows = read(file);
        assertEquals((int) LocalDate.of(2024, 3, 31).toEpochDay(), rows.get(0).get("reference_date"));
        assertEquals("2024-03-31", rows.get(0).get("reference_date_given"));
        assertEquals(3, rows.get(0).get("record_count"));
        assertEquals(2, rows.get(0).get("count_org"));
        assertEquals(0, rows.get(0).get("count_money"));
        assertNull(rows.get(1).get("doc"));
        assertEquals("failed", rows.get(1).get("status"));
        assertEquals("not UTF-8 and not GB18030", rows.get(1).get("error"));
        assertEquals(0, rows.get(1).get("record_count"));
        assertEquals(LogicalTypeAnnotation.dateType(),
                schemaOf(file).getType("reference_date").getLogicalTypeAnnotation());
    }

    @Test
    void aFailedWriteLeavesTheOldTableAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("atomic/t.parquet");
        List<ParquetTable.Column> columns = List.of(ParquetTable.Column.required("x", ParquetTable.Kind.STRING));
        ParquetTable.write(file, "t", columns, t -> t.add("old"));
        assertThrows(IllegalArgumentException.class,
                () -> ParquetTable.write(file, "t", columns, t -> t.add((Object) null)));
        assertEquals(List.of(Map.of("x", "old")), read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    static MessageType schemaOf(Path file) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options())) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    /** Every row of a table, by parquet-java's reader: column name to String, Integer, Boolean (DATE: days) or null. */
    static List<Map<String, Object>> read(Path file) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int f = 0; f < schema.getFieldCount(); f++) {
                        Type type = schema.getType(f);
                        Object cell = null;
                        if (g.getFieldRepetitionCount(f) > 0) {
                            cell = switch (type.asPrimitiveType().getPrimitiveTypeName()) {
                                case BINARY -> g.getString(f, 0);
                                case INT32 -> g.getInteger(f, 0);
                                case BOOLEAN -> g.getBoolean(f, 0);
                                default -> throw new IllegalStateException(type.toString());
                            };
                        }
                        row.put(type.getName(), cell);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static ParquetReadOptions options() {
        return ReadOptionsWithoutHadoop.with(new ParquetTable.JdkCodecs());
    }

    private static List<Map<String, String>> csvRows(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        }
    }

    private static String textOrNull(JsonNode o, String key) {
        return o != null && o.hasNonNull(key) && !o.get(key).asText().isEmpty() ? o.get(key).asText() : null;
    }
}
