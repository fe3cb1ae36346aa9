package org.tiqu.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    @TempDir
    Path out;

    @Test
    void oneRowPerMetricWithBomAndQuotedEvidence() throws Exception {
        Files.createDirectories(out.resolve("records"));
        Files.writeString(out.resolve("records/d.jsonl"), String.join("\n",
                "{\"doc\":\"d\",\"type\":\"METRIC\",\"begin\":3,\"end\":31,\"text\":\"收入完成13.72亿元、同比增长15.28%\",\"indicator\":\"收入\",\"subject\":\"济北开发区\",\"period\":\"2024\",\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},\"change\":{\"percent\":\"15.28\",\"direction\":\"up\",\"basis\":\"yoy\"},\"modality\":\"actual\"}",
                "{\"doc\":\"d\",\"type\":\"MONEY\",\"begin\":7,\"end\":13,\"text\":\"13.72亿元\",\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"}}",
                "{\"doc\":\"d\",\"type\":\"METRIC\",\"begin\":40,\"end\":52,\"text\":\"出口总额下降3.5%, \\\"净\\\"\",\"indicator\":\"出口总额\",\"subject\":null,\"period\":\"2024-Q1\",\"value\":null,\"change\":{\"percent\":\"3.5\",\"direction\":\"down\",\"basis\":null},\"modality\":\"actual\"}",
                ""), StandardCharsets.UTF_8);
        DocumentEntry entry = new DocumentEntry("d", "d.txt", "x", "text", "UTF-8", false, "source", null, "ok",
                "records/d.jsonl", Map.of(), null, "r", "c", null, null);
        MetricsCsv.write(out, new Manifest("tiqu", "t", "rules", "r", null, List.of(entry)));

        byte[] bytes = Files.readAllBytes(out.resolve(MetricsCsv.FILE_NAME));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv);
        List<List<String>> all = rows.readAll();
        assertEquals(MetricsCsv.COLUMNS, all.get(0));
        assertEquals(List.of("d", "济北开发区", "2024", "收入", "1372000000", "amount", "", "CNY", "",
                "15.28", "percent", "up", "yoy", "", "actual",
                "收入完成13.72亿元、同比增长15.28%", "3", "31", "", "", ""), all.get(1));
        assertEquals(List.of("d", "", "2024-Q1", "出口总额", "", "", "", "", "",
                "-3.5", "percent", "down", "", "", "actual",
                "出口总额下降3.5%, \"净\"", "40", "52", "", "", ""), all.get(2));
        assertEquals(3, all.size(), "mentions are not metrics");
    }

    @Test
    void cellsThatStartAFormulaAreNeutralisedAndNumbersStayNumbers() {
        assertEquals("'=1+1", MetricsCsv.neutralised("=1+1"));
        assertEquals("'+SUM(A1)", MetricsCsv.neutralised("+SUM(A1)"));
        assertEquals("'-2+3", MetricsCsv.neutralised("-2+3"));
        assertEquals("'@SUM(1+1)*cmd|calc", MetricsCsv.neutralised("@SUM(1+1)*cmd|calc"));
        assertEquals("'\tx", MetricsCsv.neutralised("\tx"));
        assertEquals("'\rx", MetricsCsv.neutralised("\rx"));
        assertEquals("-3.5", MetricsCsv.neutralised("-3.5"), "a fall stays a number");
        assertEquals("12", MetricsCsv.neutralised("12"));
        assertEquals("收入", MetricsCsv.neutralised("收入"));
        assertEquals("", MetricsCsv.neutralised(""));
    }
}
