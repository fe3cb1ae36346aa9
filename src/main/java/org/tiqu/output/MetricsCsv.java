package org.tiqu.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * {@code output/metrics.csv}: one row per METRIC record of every document in the manifest,
 * for a spreadsheet. UTF-8 with a byte order mark, which Excel needs to read Chinese text.
 *
 * <p>{@code value} is the amount (MONEY, QUANTITY) or percent (PERCENT) and {@code unit} its
 * currency, unit or {@code %}; {@code change} is the signed percent change ({@code -3.2} for
 * 下降3.2%) and {@code change_basis} {@code yoy}, {@code mom} or empty; {@code begin} and
 * {@code end} locate the evidence in code points.
 *
 * <p>A spreadsheet runs a cell that starts with {@code = + - @}, a tab or a carriage return
 * as a formula, and file names and source text reach this table ({@code =1+1.txt}); such a
 * cell gets a leading {@code '}, as OWASP recommends for CSV injection, unless it is a plain
 * number ({@code -3.2}, a fall), which no spreadsheet runs.
 */
public final class MetricsCsv {

    public static final String FILE_NAME = "metrics.csv";
    public static final List<String> COLUMNS = List.of("doc", "subject", "period", "indicator", "value", "unit",
            "change", "change_basis", "modality", "evidence", "begin", "end");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private MetricsCsv() {
    }

    /** Streams the rows document by document, so that memory stays flat however large the batch. */
    public static void write(Path outDir, Manifest manifest) throws IOException {
        CsvSchema schema = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING).build()
                .withHeader().withLineSeparator("\r\n");
        // The atomic writer owns the stream: it must stay open to be forced to disk.
        CsvMapper csv = new CsvMapper();
        csv.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        AtomicFiles.write(outDir.resolve(FILE_NAME), out -> {
            out.write(UTF8_BOM);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter rows = csv.writer(schema).writeValues(w)) {
                for (DocumentEntry entry : manifest.documents()) {
                    for (JsonNode r : RecordFiles.read(outDir, entry)) {
                        if ("METRIC".equals(r.path("type").asText())) {
                            rows.write(row(r).stream().map(MetricsCsv::neutralised).toArray());
                        }
                    }
                }
            }
            w.flush();
        });
    }

    private static List<String> row(JsonNode r) {
        JsonNode value = r.path("value");
        String amount = firstText(value, "amount", "percent", "value");
        String unit = firstText(value, "currency", "unit");
        if (unit.isEmpty() && value.has("percent")) {
            unit = "%";
        }
        JsonNode change = r.path("change");
        String changeText = "";
        if (change.isObject() && change.hasNonNull("percent")) {
            String p = change.get("percent").asText();
            changeText = "down".equals(change.path("direction").asText()) ? "-" + p : p;
        }
        return Arrays.asList(text(r, "doc"), text(r, "subject"), text(r, "period"), text(r, "indicator"), amount, unit,
                changeText, change.isObject() ? text(change, "basis") : "", text(r, "modality"), text(r, "text"),
                text(r, "begin"), text(r, "end"));
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** {@code cell}, made inert for a spreadsheet when it starts like a formula (see the class note). */
    static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    private static String firstText(JsonNode o, String... keys) {
        for (String k : keys) {
            if (o.hasNonNull(k)) {
                return o.get(k).asText();
            }
        }
        return "";
    }

    private static String text(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : "";
    }
}
