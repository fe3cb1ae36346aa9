/**
 * Bytes to text: files, saved HTML pages and the lines of JSONL corpora (issue 18).
 *
 * <h2>Encodings</h2>
 * {@link org.tiqu.source.SourceReader} decides in a fixed order, so that the audit, decoding
 * again, finds the same text: byte order mark; valid UTF-8; an HTML page's declared charset;
 * UTF-16 without a mark; NUL bytes are binary; GB18030 or Big5 by ICU4J's detector. Valid UTF-8
 * comes before a declaration because pages saved as UTF-8 that still declare gb2312 are common,
 * and legacy Chinese text is practically never valid UTF-8; a declaration the bytes do not
 * decode in is noted and detection decides. Measured with ICU4J 79.1 on fixtures made by Java's
 * encoders: a two-sentence Big5 paragraph scores Big5 100, GB18030 10; a GBK one GB18030 100,
 * Big5 32 (EUC-JP 61, which is not a candidate); a line of seven characters scores 10 for both,
 * and GB18030 is taken with a low-confidence note. ICU's UTF-16 recognisers count Latin-1 code
 * units only (a Chinese UTF-16 text: 10 of 100 each way), so {@link org.tiqu.source.CharsetChoice}
 * decodes both byte orders and takes the one under which at least 90% of the characters are
 * ideographs, CJK or ASCII text, when the other gives under half; characters U+XX00 are not
 * counted, since ASCII in the wrong order gives exactly those (R → U+5200).
 *
 * <h2>JSONL</h2>
 * {@link org.tiqu.source.JsonlLines} reads a corpus one line at a time (plain or gzip), keeping
 * the line's number and bytes; {@link org.tiqu.source.JsonlDocument} takes the id and the text
 * from a line. The batch reads a corpus twice, both times streaming: once to plan (number, id
 * and sha256 of each line), once to hand lines to the workers a few at a time, so memory holds
 * a few lines whatever the corpus's size. A line's sha256 identifies its version for incremental
 * runs; the text value is saved as {@code text/<doc>.txt}, which its offsets count in, as for
 * HTML.
 */
package org.tiqu.source;
