package org.tiqu.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A table of an output folder made from its records files: UTF-8 with a byte order mark (which
 * Excel needs to read Chinese text), a header, CRLF line ends, written atomically and streamed
 * document by document, so that memory stays flat however large the batch.
 *
 * <p>A spreadsheet runs a cell that starts with {@code = + - @}, a tab or a carriage return
 * as a formula, and file names and source text reach these tables ({@code =1+1.txt}); such a
 * cell gets a leading {@code '}, as OWASP recommends for CSV injection, unless it is a plain
 * number ({@code -3.2}, a fall), which no spreadsheet runs.
 */
final class CsvTable {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvTable() {
    }

    /** Writes {@code outDir/fileName}: a row for each record {@code row} gives one for (null: none). */
    static void write(Path outDir, Manifest manifest, String fileName, List<String> columns,
                      Function<JsonNode, List<String>> row) throws IOException {
        write(outDir, manifest, fileName, columns, row, InOrder.defaultThreads());
    }

    /** As above, the records files read and their rows made on {@code threads} threads, written in order. */
    static void write(Path outDir, Manifest manifest, String fileName, List<String> columns,
                      Function<JsonNode, List<String>> row, int threads) throws IOException {
        CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build()
                .withHeader().withLineSeparator("\r\n");
        // The atomic writer owns the stream: it must stay open to be forced to disk.
        CsvMapper csv = new CsvMapper();
        csv.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Not forced: the batch's stamp names its digest; a power loss that tears it has it written again.
        AtomicFiles.writeUnforced(outDir.resolve(fileName), out -> {
            out.write(UTF8_BOM);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter rows = csv.writer(schema).writeValues(w)) {
                InOrder.map(manifest.documents(), threads, entry -> {
                    List<Object[]> cellsOfRecords = new java.util.ArrayList<>();
                    for (JsonNode r : RecordFiles.read(outDir, entry)) {
                        List<String> cells = row.apply(r);
                        if (cells != null) {
                            cellsOfRecords.add(cells.stream().map(CsvTable::neutralised).toArray());
                        }
                    }
                    return cellsOfRecords;
                }, cellsOfRecords -> {
                    for (Object[] cells : cellsOfRecords) {
                        rows.write(cells);
                    }
                });
            }
            w.flush();
        });
    }

    /** {@code cell}, made inert for a spreadsheet when it starts like a formula (see the class note). */
    static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    static String text(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : "";
    }
}
