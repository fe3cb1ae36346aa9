package org.tiqu.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A flat Parquet table written with parquet-java without Hadoop at run time (see the package
 * note): tiqu's own {@link WriteSupport}, {@link OutputFile} (a stream of {@link AtomicFiles},
 * so the table appears whole or not at all) and GZIP codec ({@code java.util.zip}); the
 * configuration is a {@link PlainParquetConfiguration}. parquet-java's own codec factory and
 * {@code LocalOutputFile} would load Hadoop classes ({@code ZlibCompressor}) in
 * {@code ParquetWriter.Builder.build}; these never do.
 *
 * <p>A cell is a {@link String}, {@link Integer}, {@link Boolean}, {@link LocalDate} or null
 * (only in an optional column).
 */
public final class ParquetTable implements AutoCloseable {

    /** What a column holds, and its Parquet type. */
    public enum Kind {
        /** BYTE_ARRAY annotated STRING (UTF-8). */
        STRING,
        /** INT32. */
        INT32,
        /** BOOLEAN. */
        BOOLEAN,
        /** INT32 annotated DATE (days since 1970-01-01). */
        DATE
    }

    /** A column: its name, kind, and whether every row has a value. */
    public record Column(String name, Kind kind, boolean required) {

        public static Column required(String name, Kind kind) {
            return new Column(name, kind, true);
        }

        public static Column optional(String name, Kind kind) {
            return new Column(name, kind, false);
        }
    }

    /**
     * Rows are buffered in memory until a row group is full; 8 MB keeps a large batch's export
     * within the launcher's heap, and is still large for readers (a seeds table is one group).
     */
    static final int ROW_GROUP_BYTES = 8 << 20;

    private final ParquetWriter<Object[]> writer;
    private final List<Column> columns;

    private ParquetTable(ParquetWriter<Object[]> writer, List<Column> columns) {
        this.writer = writer;
        this.columns = columns;
    }

    /** The Parquet schema of {@code columns}. */
    public static MessageType schema(String name, List<Column> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column c : columns) {
            Type.Repetition repetition = c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            switch (c.kind()) {
                case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(c.name());
                case INT32 -> message.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
                case BOOLEAN -> message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
                case DATE -> message.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(c.name());
                default -> throw new IllegalStateException(c.kind().name());
            }
        }
        return message.named(name);
    }

    /** Writes the table {@code name} to {@code target} atomically: the rows {@code rows} hands to the table it is given. */
    public static void write(Path target, String name, List<Column> columns, Rows rows) throws IOException {
        MessageType schema = schema(name, columns);
        AtomicFiles.write(target, out -> {
            try (ParquetTable table = new ParquetTable(new Builder(new StreamFile(out, target), schema, columns)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new JdkCodecs())
                    .withCompressionCodec(CompressionCodecName.GZIP)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .build(), columns)) {
                rows.writeTo(table);
            }
        });
    }

    /** Hands the rows of a table to it. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(ParquetTable table) throws IOException;
    }

    /** Adds a row: one cell per column, in order. */
    public void add(Object... cells) throws IOException {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        writer.write(cells);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The codecs tiqu reads and writes: none and GZIP, both from the JDK. */
    public static final class JdkCodecs implements CompressionCodecFactory {

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            supported(codec);
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    if (codec == CompressionCodecName.UNCOMPRESSED) {
                        return bytes;
                    }
                    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                        bytes.writeAllTo(gzip);
                    }
                    return BytesInput.from(compressed.toByteArray());
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            supported(codec);
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    if (codec == CompressionCodecName.UNCOMPRESSED) {
                        return bytes;
                    }
                    try (InputStream in = new GZIPInputStream(bytes.toInputStream())) {
                        byte[] out = in.readNBytes(uncompressedSize);
                        if (out.length != uncompressedSize) {
                            throw new IOException("a GZIP page gave " + out.length + " bytes, not " + uncompressedSize);
                        }
                        return BytesInput.from(out);
                    }
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public void release() {
        }

        private static void supported(CompressionCodecName codec) {
            if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.GZIP) {
                throw new UnsupportedOperationException(codec + ": tiqu reads and writes Parquet pages uncompressed or GZIP only");
            }
        }
    }

    /** An already open stream as Parquet's output file; it counts the bytes written for the footer's offsets. */
    private record StreamFile(OutputStream out, Path target) implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    // The atomic writer owns the stream: it forces it to disk, then renames.
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return target.toString();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType schema;
        private final List<Column> columns;

        Builder(OutputFile file, MessageType schema, List<Column> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new CellsWriteSupport(schema, columns);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new CellsWriteSupport(schema, columns);
        }
    }

    /** Writes a row of cells field by field; a null cell is a field left out (an optional column's null). */
    private static final class CellsWriteSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final List<Column> columns;
        private RecordConsumer consumer;

        CellsWriteSupport(MessageType schema, List<Column> columns) {
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return context();
        }

        private WriteContext context() {
            Map<String, String> meta = new HashMap<>();
            meta.put("tiqu.table", schema.getName());
            return new WriteContext(schema, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] cells) {
            consumer.startMessage();
            for (int i = 0; i < cells.length; i++) {
                Column column = columns.get(i);
                Object cell = cells[i];
                if (cell == null) {
                    if (column.required()) {
                        throw new IllegalArgumentException("column " + column.name() + " needs a value");
                    }
                    continue;
                }
                consumer.startField(column.name(), i);
                switch (column.kind()) {
                    case STRING -> consumer.addBinary(Binary.fromString((String) cell));
                    case INT32 -> consumer.addInteger((Integer) cell);
                    case BOOLEAN -> consumer.addBoolean((Boolean) cell);
                    case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) cell).toEpochDay()));
                    default -> throw new IllegalStateException(column.kind().name());
                }
                consumer.endField(column.name(), i);
            }
            consumer.endMessage();
        }
    }
}
