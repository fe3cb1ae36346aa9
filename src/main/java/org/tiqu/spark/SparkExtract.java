package org.tiqu.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import org.tiqu.api.Options;
import org.tiqu.api.Result;
import org.tiqu.api.Tiqu;
import org.tiqu.batch.InputFilter;
import org.tiqu.output.MetricsCsv;
import org.tiqu.record.RecordType;
import org.tiqu.source.JsonlDocument;

/**
 * {@code tiqu extract} as a Spark job: the same records, byte for byte, on a cluster.
 *
 * <pre>
 * spark-submit --class org.tiqu.spark.SparkExtract target/tiqu-spark.jar \
 *     INPUT OUT [--rules rules.zip|DIR] [--reference-date YYYY-MM-DD] [--partitions N]
 *     [--id-field NAME] [--text-field NAME] [--time-budget SECONDS]
 * </pre>
 *
 * INPUT is a JSONL corpus ({@code .jsonl}, {@code .jsonl.gz}: {@code {"id", "text"}} a line),
 * or a folder of documents read whole with Spark's {@code binaryFile} source, so that their bytes
 * are decoded exactly as the command line decodes a file (GB18030, Big5, UTF-16, HTML pages by
 * their extension). OUT gets {@code records/} (text: each document's records together, one JSON
 * record a line in text order, as {@code records/<doc>.jsonl}), {@code documents/} (Parquet: one
 * row per document with its status, error, counts, reference time, and the rules' and code's
 * digests) and {@code metrics/} (Parquet: the METRIC records with the columns of {@code metrics.csv}).
 *
 * <p>The rules (a folder, zipped on the driver, or a zip; the jar's own without {@code --rules})
 * travel to the executors as a broadcast. Each executor JVM loads one {@link Tiqu} for them,
 * the first time a task needs it, and every task of that JVM shares it ({@link Tiqu} is
 * thread-safe); each partition's documents run through it one after the other.
 */
public final class SparkExtract {

    /** Usage errors (exit 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** What a run is given. */
    public record Args(String input, String out, String rules, LocalDate referenceDate, int partitions,
                       String idField, String textField, long timeBudgetSeconds) implements Serializable {

        /** Parses the command line of {@code spark-submit … SparkExtract ARGS}. */
        public static Args parse(String... argv) {
            List<String> positional = new ArrayList<>();
            String rules = null;
            LocalDate date = null;
            int partitions = 0;
            String idField = JsonlDocument.DEFAULT_ID_FIELD;
            String textField = JsonlDocument.DEFAULT_TEXT_FIELD;
            long budget = Options.DEFAULT_BUDGET.toSeconds();
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                switch (a) {
                    case "--rules" -> rules = value(argv, ++i, a);
                    case "--reference-date" -> {
                        String v = value(argv, ++i, a);
                        try {
                            date = LocalDate.parse(v);
                        } catch (DateTimeParseException e) {
                            throw new UsageException("--reference-date: '" + v + "' is not a date of the form YYYY-MM-DD");
                        }
                    }
                    case "--partitions" -> partitions = positive(value(argv, ++i, a), a);
                    case "--id-field" -> idField = value(argv, ++i, a);
                    case "--text-field" -> textField = value(argv, ++i, a);
                    case "--time-budget" -> budget = positive(value(argv, ++i, a), a);
                    default -> {
                        if (a.startsWith("--")) {
                            throw new UsageException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (positional.size() != 2) {
                throw new UsageException("give INPUT (a .jsonl corpus or a folder) and OUT (a folder that does not exist yet)");
            }
            return new Args(positional.get(0), positional.get(1), rules, date, partitions, idField, textField, budget);
        }

        private static String value(String[] argv, int i, String option) {
            if (i >= argv.length) {
                throw new UsageException(option + " needs a value");
            }
            return argv[i];
        }

        private static int positive(String v, String option) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new UsageException(option + " must be a whole number of at least 1, not " + v);
        }

        Options options() {
            return Options.defaults().withReferenceDate(referenceDate).withTimeBudget(Duration.ofSeconds(timeBudgetSeconds))
                    .withFields(idField, textField);
        }

        boolean jsonl() {
            String name = input.toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
        }
    }

    /** What a run did. */
    public record Summary(long documents, long failed, long records, long metrics) {
        @Override
        public String toString() {
            return documents + " documents, " + failed + " failed; " + records + " records, " + metrics + " metrics";
        }
    }

    private SparkExtract() {
    }

    public static void main(String[] argv) {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (UsageException e) {
            System.err.println("tiqu-spark: " + e.getMessage());
            System.err.println("usage: spark-submit --class org.tiqu.spark.SparkExtract tiqu-spark.jar INPUT OUT"
                    + " [--rules ZIP|DIR] [--reference-date YYYY-MM-DD] [--partitions N] [--id-field NAME]"
                    + " [--text-field NAME] [--time-budget SECONDS]");
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("tiqu extract").getOrCreate();
        try {
            Summary summary = run(spark, args);
            System.err.println("tiqu-spark: " + summary + "; output in " + args.out());
        } finally {
            spark.stop();
        }
    }

    /** The input document schema: one row per document, whatever the input. */
    private static final StructType INPUT = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.IntegerType, true),
        DataTypes.createStructField("bytes", DataTypes.BinaryType, false),
    });

    /** The columns of {@code metrics/}: those of {@code metrics.csv}, begin, end and sentence as integers. */
    static final StructType METRIC = metricSchema();

    /** The columns of {@code documents/}, then the records and metrics each document carries until they are written. */
    static final StructType DOCUMENT = documentSchema();

    private static StructType metricSchema() {
        List<StructField> fields = new ArrayList<>();
        for (String c : MetricsCsv.COLUMNS) {
            boolean integer = c.equals("begin") || c.equals("end") || c.equals("sentence");
            fields.add(DataTypes.createStructField(c, integer ? DataTypes.IntegerType : DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    private static StructType documentSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(field("doc", DataTypes.StringType));
        f.add(field("source", DataTypes.StringType));
        f.add(field("line", DataTypes.IntegerType));
        f.add(field("sha256", DataTypes.StringType));
        f.add(field("format", DataTypes.StringType));
        f.add(field("encoding", DataTypes.StringType));
        f.add(field("bom", DataTypes.BooleanType));
        f.add(field("encoding_note", DataTypes.StringType));
        f.add(field("status", DataTypes.StringType));
        f.add(field("error", DataTypes.StringType));
        f.add(field("records_sha256", DataTypes.StringType));
        f.add(field("record_count", DataTypes.IntegerType));
        for (RecordType type : RecordType.values()) {
            f.add(field("count_" + type.name().toLowerCase(Locale.ROOT), DataTypes.IntegerType));
        }
        f.add(field("reference_date", DataTypes.DateType));
        f.add(field("reference_year", DataTypes.IntegerType));
        f.add(field("reference_how", DataTypes.StringType));
        f.add(field("reference_date_given", DataTypes.StringType));
        f.add(field("rules_sha256", DataTypes.StringType));
        f.add(field("code_sha256", DataTypes.StringType));
        f.add(field("records", DataTypes.StringType));
        f.add(field("metrics", DataTypes.createArrayType(metricSchema(), false)));
        return DataTypes.createStructType(f);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** Runs the job: reads {@code args.input()}, writes {@code records/}, {@code documents/}, {@code metrics/} under {@code args.out()}. */
    public static Summary run(SparkSession spark, Args args) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        byte[] rules = rulesZip(args.rules());
        Broadcast<byte[]> shipped = jsc.broadcast(rules);
        JavaRDD<Row> documents = args.jsonl() ? jsonlDocuments(jsc, args) : folderDocuments(spark, args);
        if (args.partitions() > 0) {
            documents = documents.repartition(args.partitions());
        }
        JavaRDD<Row> extracted = documents.mapPartitions(new Extract(shipped, args));
        Dataset<Row> done = spark.createDataFrame(extracted, DOCUMENT).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            String out = args.out();
            done.filter(functions.col("records").isNotNull()).select("records")
                    .write().mode(SaveMode.ErrorIfExists).text(out + "/records");
            done.drop("records", "metrics").write().mode(SaveMode.ErrorIfExists).parquet(out + "/documents");
            Dataset<Row> metrics = done.select(functions.explode(functions.col("metrics")).as("m")).select("m.*");
            metrics.write().mode(SaveMode.ErrorIfExists).parquet(out + "/metrics");
            Row totals = done.agg(functions.count(functions.lit(1)),
                    functions.sum(functions.when(functions.col("status").equalTo("failed"), 1).otherwise(0)),
                    functions.sum("record_count"), functions.sum("count_metric")).first();
            return new Summary(totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1),
                    totals.isNullAt(2) ? 0 : totals.getLong(2), totals.isNullAt(3) ? 0 : totals.getLong(3));
        } finally {
            done.unpersist();
        }
    }

    /** The rules as zip bytes: a zip as it is, a folder zipped here, or the jar's own rules (none given). */
    static byte[] rulesZip(String rules) {
        try {
            Path dir;
            if (rules == null) {
                dir = Tiqu.bundledRules();
            } else {
                Path given = Path.of(rules);
                if (Files.isRegularFile(given)) {
                    return Files.readAllBytes(given);
                }
                if (!Files.isDirectory(given)) {
                    throw new UsageException("--rules " + rules + ": no such folder or zip");
                }
                dir = given;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules " + rules + ": " + e.getMessage(), e);
        }
    }

    /** A JSONL corpus, line by line, each line with its number (blank lines counted and passed over, as the command line does). */
    private static JavaRDD<Row> jsonlDocuments(JavaSparkContext jsc, Args args) {
        String name = Path.of(args.input()).getFileName().toString();
        String fileId = name.replaceFirst("(?i)\\.gz$", "").replaceFirst("(?i)\\.jsonl$", "");
        String source = args.input();
        return jsc.textFile(args.input()).zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .map(t -> RowFactory.create(JsonlDocument.fallbackId(fileId, (int) (t._2() + 1)), source,
                        (int) (t._2() + 1), t._1().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The files of a folder and its subfolders, read whole with Spark's {@code binaryFile} source.
     * Ids are as the command line gives them: the path in the folder without extension (with it
     * when two files of a folder differ only by it). Formats tiqu does not read (PDF, images …)
     * and JSONL corpora (give one as INPUT) are passed over, each named on the driver's log.
     */
    private static JavaRDD<Row> folderDocuments(SparkSession spark, Args args) {
        String base = commonFolder(spark, args.input());
        // Listed on the driver (names and lengths only): the ids need every name of a folder, and
        // binaryFile passes over empty files, which the command line reports as failed.
        Map<String, Long> lengths = new java.util.TreeMap<>();
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(base);
            list(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root, lengths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + args.input() + ": " + e.getMessage(), e);
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, List<String>> byStem = new HashMap<>();
        List<String> empty = new ArrayList<>();
        for (String path : lengths.keySet()) {
            String relative = path.startsWith(base + "/") ? path.substring(base.length() + 1) : path;
            if (java.util.Arrays.stream(relative.split("/")).anyMatch(n -> n.startsWith(".") || n.startsWith("_"))) {
                continue; // hidden, as Spark's file sources have them (the command line passes over '.' names)
            }
            String reason = InputFilter.unsupported(Path.of(relative));
            if (reason == null && relative.toLowerCase(Locale.ROOT).matches(".*\\.jsonl(\\.gz)?")) {
                reason = "a JSONL corpus: give it as INPUT of its own";
            }
            if (reason != null) {
                System.err.println("tiqu-spark: not read: " + relative + ": " + reason);
                continue;
            }
            byStem.computeIfAbsent(withoutExtension(relative), k -> new ArrayList<>()).add(relative);
            ids.put(path, relative);
            if (lengths.get(path) == 0) {
                empty.add(path);
            }
        }
        for (Map.Entry<String, String> e : ids.entrySet()) {
            String stem = withoutExtension(e.getValue());
            e.setValue(byStem.get(stem).size() > 1 ? e.getValue() : stem);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, String>> idOf = jsc.broadcast(ids);
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(args.input());
        JavaRDD<Row> read = files.select("path", "content").javaRDD()
                .filter(r -> idOf.value().containsKey(r.getString(0)))
                .map(r -> RowFactory.create(idOf.value().get(r.getString(0)), r.getString(0), null, r.get(1)));
        List<Row> emptyRows = new ArrayList<>();
        for (String path : empty) {
            emptyRows.add(RowFactory.create(ids.get(path), path, null, new byte[0]));
        }
        return emptyRows.isEmpty() ? read : read.union(jsc.parallelize(emptyRows, 1));
    }

    /**
     * The files under {@code dir} with their lengths. Not {@code FileSystem.listFiles}: its block
     * locations read each local file's permissions, by running a process per file (82 s for 4,380).
     */
    private static void list(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path dir, Map<String, Long> lengths)
            throws IOException {
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir)) {
            if (f.isDirectory()) {
                list(fs, f.getPath(), lengths);
            } else {
                lengths.put(f.getPath().toString(), f.getLen());
            }
        }
    }

    /** The input folder as Spark writes the {@code path} of its files ({@code file:/…}, {@code hdfs://…}). */
    private static String commonFolder(SparkSession spark, String input) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            String q = fs.makeQualified(p).toString();
            return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    private static String withoutExtension(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        return dot > slash + 1 ? relative.substring(0, dot) : relative;
    }

    /**
     * One {@link Tiqu} per executor JVM and rules: loaded by the first task that needs it, shared
     * by every task after it (HanLP and the rules take seconds and ~150 MB to load).
     */
    static final class Pipelines {
        private static final Map<String, Tiqu> LOADED = new ConcurrentHashMap<>();

        private Pipelines() {
        }

        static Tiqu get(byte[] rulesZip, Args args) {
            String key = org.tiqu.source.SourceReader.sha256(rulesZip) + "\0" + args.referenceDate() + "\0"
                    + args.timeBudgetSeconds() + "\0" + args.idField() + "\0" + args.textField();
            return LOADED.computeIfAbsent(key, k -> {
                try {
                    Path zip = Files.createTempFile("tiqu-rules-", ".zip");
                    Files.write(zip, rulesZip);
                    zip.toFile().deleteOnExit();
                    return Tiqu.load(zip, args.options());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the rules to a temporary file: " + e.getMessage(), e);
                }
            });
        }
    }

    /** The task: each document of a partition through the executor's {@link Tiqu}, in order. */
    static final class Extract implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<byte[]> rules;
        private final Args args;

        Extract(Broadcast<byte[]> rules, Args args) {
            this.rules = rules;
            this.args = args;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            Tiqu tiqu = Pipelines.get(rules.value(), args);
            ObjectMapper json = new ObjectMapper();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return input.hasNext();
                }

                @Override
                public Row next() {
                    Row in = input.next();
                    String id = in.getString(0);
                    String source = in.getString(1);
                    Integer line = in.isNullAt(2) ? null : in.getInt(2);
                    byte[] bytes = (byte[]) in.get(3);
                    Result r = line == null ? tiqu.extract(id, bytes, Path.of(source.replaceFirst("^[a-z]+:", "")))
                            : tiqu.extractJsonLine(bytes, line, id, Path.of(args.input()));
                    return row(r, source, line, json);
                }
            };
        }

        private Row row(Result r, String source, Integer line, ObjectMapper json) {
            List<Object> cells = new ArrayList<>(DOCUMENT.size());
            cells.add(r.id());
            cells.add(source);
            cells.add(line);
            cells.add(r.sha256());
            cells.add(r.format());
            cells.add(r.encoding());
            cells.add(r.bom());
            cells.add(r.encodingNote());
            cells.add(r.status().label());
            cells.add(r.error());
            cells.add(r.recordsSha256());
            cells.add(r.recordCount());
            for (RecordType type : RecordType.values()) {
                cells.add(r.counts().getOrDefault(type.name(), 0));
            }
            cells.add(r.reference() == null || r.reference().date() == null ? null : Date.valueOf(r.reference().date()));
            cells.add(r.reference() == null ? null : r.reference().year());
            cells.add(r.reference() == null ? null : r.reference().how());
            cells.add(args.referenceDate() == null ? null : args.referenceDate().toString());
            cells.add(r.rulesSha256());
            cells.add(r.codeSha256());
            String records = r.recordsText();
            // The text writer ends every row with a newline: the document's last line keeps its own.
            cells.add(records.isEmpty() ? null : records.substring(0, records.length() - 1));
            // An array column's external type is a Scala Seq (Scala 2.13, Spark 3.5 and 4.0 alike).
            cells.add(scala.jdk.javaapi.CollectionConverters.asScala(metrics(records, json)).toSeq());
            return RowFactory.create(cells.toArray());
        }

        private static List<Row> metrics(String records, ObjectMapper json) {
            List<Row> rows = new ArrayList<>();
            if (!records.contains("\"type\":\"METRIC\"")) {
                return rows;
            }
            for (String l : records.split("\n")) {
                if (!l.contains("\"type\":\"METRIC\"")) {
                    continue;
                }
                JsonNode record;
                try {
                    record = json.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                List<String> cells = MetricsCsv.rowOrNull(record);
                if (cells == null) {
                    continue;
                }
                Object[] typed = new Object[cells.size()];
                for (int i = 0; i < typed.length; i++) {
                    String cell = cells.get(i);
                    String column = MetricsCsv.COLUMNS.get(i);
                    boolean integer = column.equals("begin") || column.equals("end") || column.equals("sentence");
                    typed[i] = cell == null || cell.isEmpty() ? null : integer ? Integer.valueOf(cell) : cell;
                }
                rows.add(RowFactory.create(typed));
            }
            return rows;
        }
    }
}
