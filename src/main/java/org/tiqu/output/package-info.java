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
 */
package org.tiqu.output;
