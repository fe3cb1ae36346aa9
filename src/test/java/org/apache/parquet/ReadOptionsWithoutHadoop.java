package org.apache.parquet;

import java.util.HashMap;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options for parquet-java's {@code ParquetFileReader} that load no Hadoop class: the
 * public builder makes a Hadoop codec factory first thing (HadoopCodecs.newFactory), even when
 * one is given later, so the tests, which run without Hadoop as tiqu.jar does, call the
 * package's own constructor (parquet-hadoop 1.18.2) with tiqu's codecs. Test code only.
 */
public final class ReadOptionsWithoutHadoop {

    private ReadOptionsWithoutHadoop() {
    }

    public static ParquetReadOptions with(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, false, false, false, false, false, false, false, false,
                FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                8 << 20, new HashMap<>(), null, null, new PlainParquetConfiguration());
    }
}
