/**
 * What a batch writes: records (JSONL), the manifest and its journal, the tables
 * {@code metrics.csv} and {@code mentions.csv}, the audit pages; and the checks that keep every
 * path inside the output folder.
 *
 * <h2>Tables</h2>
 * Both tables are made from the records files at the end of a run (so a run that skipped every
 * document still has them whole), streamed document by document. A value takes five columns
 * ({@link org.tiqu.output.ValueColumns}): the number or text, which field of the value it is, unit,
 * currency, approx. With only {@code value} and {@code unit}, 1,472 of 25,248 rows of a
 * 3,504-document batch had an empty value (points, times, fractions, bare changes) and
 * {@code approx} was lost; {@code RecordTablesRoundTripTest} now reads both tables of the seeds
 * and the 438 news articles back into values and changes equal to the records'. Rows are made
 * from {@link org.tiqu.record.Value}s and a record's named fields, so that fields records gain
 * (a metric's {@code evidence}) change nothing in the tables.
 *
 * <h2>Parquet</h2>
 * {@link org.tiqu.output.ParquetTables} ({@code tiqu export parquet}) writes {@code mentions},
 * {@code metrics} (the CSV tables' columns and row code, typed) and {@code documents} (the
 * manifest). parquet-java 1.18.2 without Hadoop at run time: {@code ParquetWriter.Builder.build}
 * makes a Hadoop {@code CodecFactory} (loading {@code ZlibCompressor}) unless given a codec
 * factory, and {@code ParquetReadOptions}' builder always does; {@link org.tiqu.output.ParquetTable}
 * gives the writer its own GZIP codecs ({@code java.util.zip}), output file (a stream of
 * {@link org.tiqu.output.AtomicFiles}) and a {@code PlainParquetConfiguration}. Hadoop is a
 * {@code provided} dependency, only for compiling against the abstract methods that name its
 * types; surefire leaves it off the test class path, so {@code ParquetTablesTest} proves the
 * writer runs without it (its reader uses a test-only options constructor for the same reason).
 * {@code tiqu.jar}: 26,401,104 → 35,909,851 bytes; DuckDB's JDBC driver alone is 80,297,452.
 * {@code value} and {@code change} stay strings: a DECIMAL column has one scale for all rows
 * (15.28 would read back as 15.280), and values are timexes, names and {@code 1/3} too.
 * Row groups are 8 MB, so an export of a large batch stays within the launcher's heap.
 */
package org.tiqu.output;
