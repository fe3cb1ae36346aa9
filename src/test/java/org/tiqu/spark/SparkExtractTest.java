package org.tiqu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.rules.RulesLoader;
import org.tiqu.testing.CorpusFiles;

/**
 * SparkExtract in local[2] with 2 partitions, rules from a zip, over 60 corpus documents, a
 * GB18030 file, an HTML page, an empty and a binary document: every document's records are the
 * command line's, byte for byte, and its status and error those of the manifest.
 *
 * <p>Tagged {@code spark}: Maven runs it in the surefire execution {@code spark}, whose JVM has
 * Hadoop's client on the class path and Spark's {@code --add-opens} for Java 17.
 */
@Tag("spark")
class SparkExtractTest {

    @TempDir
    Path tmp;

    @Test
    void recordsAreTheCommandLinesByteForByte() throws IOException {
        Path in = tmp.resolve("in");
        assertEquals(60, CorpusFiles.write(CorpusFiles.CNEWS, in, 60));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 % 256);
        }
        Files.write(in.resolve("binary.txt"), binary);
        Files.write(in.resolve("gbk.txt"), "济南高新区2023年实现地区生产总值1500亿元，同比增长6.5%。".getBytes(Charset.forName("GB18030")));
        Files.writeString(in.resolve("page.html"), "<html><head><meta charset=\"utf-8\"><title>园区简报</title></head>"
                + "<body><p>2024年，济北开发区一般公共预算收入完成13.72亿元、同比增长15.28%。</p></body></html>");
        int documents = 64;

        // The command line's batch, as `tiqu extract in --out cli --threads 2` runs it.
        Path cli = tmp.resolve("cli");
        Pipeline pipeline = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
        new BatchRunner(pipeline, cli, new PrintStream(OutputStream.nullOutputStream()), BatchOptions.defaults().withThreads(2))
                .run(List.of(in));
        Map<String, DocumentEntry> manifest = new HashMap<>();
        Manifest.read(cli).documents().forEach(e -> manifest.put(e.doc(), e));
        assertEquals(documents, manifest.size());

        Path zip = tmp.resolve("rules.zip");
        org.tiqu.testing.Zips.zipFolder(Path.of("rules"), "rules/", zip);
        Path out = tmp.resolve("spark");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkExtractTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            SparkExtract.Summary summary = SparkExtract.run(spark, SparkExtract.Args.parse(
                    in.toString(), out.toString(), "--rules", zip.toString(), "--partitions", "2"));
            assertEquals(documents, summary.documents());
            assertEquals(2, summary.failed());

            // records/: every document's lines together, equal to records/<doc>.jsonl of the command line.
            ObjectMapper json = new ObjectMapper();
            Map<String, StringBuilder> byDoc = new LinkedHashMap<>();
            List<Path> parts;
            try (Stream<Path> files = Files.list(out.resolve("records"))) {
                parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            }
            assertFalse(parts.isEmpty());
            String previous = null;
            Set<String> finished = new HashSet<>();
            for (Path part : parts) {
                for (String line : Files.readString(part, StandardCharsets.UTF_8).split("\n", -1)) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String doc = json.readTree(line).get("doc").asText();
                    if (!doc.equals(previous)) {
                        assertTrue(finished.add(doc), doc + "'s records are not together");
                        previous = doc;
                    }
                    byDoc.computeIfAbsent(doc, d -> new StringBuilder()).append(line).append('\n');
                }
            }
            int compared = 0;
            for (DocumentEntry e : manifest.values()) {
                String expected = e.ok() ? Files.readString(cli.resolve(e.records()), StandardCharsets.UTF_8) : "";
                StringBuilder got = byDoc.remove(e.doc());
                assertEquals(expected, got == null ? "" : got.toString(), e.doc());
                compared++;
            }
            assertTrue(byDoc.isEmpty(), "documents the command line did not make: " + byDoc.keySet());
            assertEquals(documents, compared);

            // documents/: status, error, counts, digests as the manifest has them.
            List<Row> rows = spark.read().parquet(out.resolve("documents").toString()).collectAsList();
            assertEquals(documents, rows.size());
            long metrics = 0;
            for (Row r : rows) {
                DocumentEntry e = manifest.get(r.<String>getAs("doc"));
                assertNotNull(e, r.toString());
                assertEquals(e.status(), r.getAs("status"));
                assertEquals(e.sha256(), r.getAs("sha256"));
                if (e.ok()) {
                    assertEquals(e.recordsSha256(), r.getAs("records_sha256"));
                    assertEquals(e.recordCount(), (int) r.<Integer>getAs("record_count"));
                    assertEquals(e.encoding(), r.getAs("encoding"));
                    assertEquals(e.reference().how(), r.getAs("reference_how"));
                    assertEquals(e.rulesSha256(), r.getAs("rules_sha256"));
                    metrics += e.counts().getOrDefault("METRIC", 0);
                } else {
                    String error = r.getAs("error");
                    assertEquals(e.error().substring(e.error().lastIndexOf(": ")), error.substring(error.lastIndexOf(": ")), e.doc());
                }
            }
            assertEquals("GB18030", manifest.get("gbk").encoding());
            assertEquals(metrics, spark.read().parquet(out.resolve("metrics").toString()).count());
            assertEquals(metrics, summary.metrics());
        } finally {
            spark.stop();
        }
    }
}
