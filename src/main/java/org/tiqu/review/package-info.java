/**
 * {@code tiqu review}: people check, correct and sign off the records of an output folder in
 * the browser, and their verdicts become gold and precision figures.
 *
 * <h2>What is where</h2>
 * <ul>
 * <li>{@link org.tiqu.review.ReviewDatabase}: {@code OUT_DIR/review.db}, SQLite through xerial's
 *     sqlite-jdbc. Verdicts are rows that are never updated: the latest row for a record key
 *     ({@link org.tiqu.review.RecordKey}: type, span, and a metric's value as canonical JSON) is in
 *     force, the others are its history. SQLite rather than H2: the file is exactly
 *     {@code review.db}, any SQLite client (Python's standard library included) reads it, and
 *     its format is stable for decades.</li>
 * <li>{@link org.tiqu.review.DocumentReview}: a document's current records beside its
 *     verdicts. A verdict is <em>stale</em> when the document's sha256 is not the one it was
 *     given on, or the record's judged fields (ANNOTATION.md's, not {@code rule} or
 *     {@code sentence}) differ; a verdict whose key no longer has a record is an orphan. Stale
 *     verdicts are shown and counted, never deleted, and never exported or counted as precision.</li>
 * <li>{@link org.tiqu.review.DocumentIndex}: {@code OUT_DIR/.review-index.db}, a cache made
 *     from the manifest and records: one row per document (place in the manifest, counts by
 *     type, progress) and an FTS5 index of text, indicators and organisation names. Han text
 *     is indexed as overlapping character pairs ({@link org.tiqu.review.SearchTokens}), so any
 *     substring of two characters or more is a phrase query; one character is a prefix
 *     query. The list pages by {@code LIMIT/OFFSET} on the manifest order, so nothing loads
 *     all documents or records; a sync re-reads only documents whose entry or records file
 *     changed (checked whenever the manifest changes, so a running extraction shows up).</li>
 * <li>{@link org.tiqu.review.ReviewServer}: the JDK's {@code com.sun.net.httpserver} (no
 *     dependency; a handful of routes need no framework), four worker threads, pages rendered
 *     on the server ({@link org.tiqu.review.ReviewPages}, {@link org.tiqu.review.DocumentView})
 *     and one small script ({@code review.js}) for selection, keys and posting verdicts.
 *     {@link org.tiqu.review.RequestGuard} runs before any route.</li>
 * <li>{@link org.tiqu.review.GoldExport} and {@link org.tiqu.review.ReviewStats}: the way
 *     back into measurement.</li>
 * </ul>
 *
 * <h2>Security</h2>
 * The server listens on 127.0.0.1 unless told otherwise. It serves its own routes only: no
 * path of a request is ever a file path (documents are looked up by id in the index; their
 * files by the manifest's paths, which {@link org.tiqu.output.OutputPaths} keeps inside the
 * output folder, sources excepted, which are read only where the manifest says). A {@code Host}
 * that is not this server's address (DNS rebinding), a foreign {@code Origin}, a verdict
 * without the page's own origin or not as JSON (another site's form) are refused; URIs and
 * bodies have limits. Every text is escaped on the server; the script inserts text with
 * {@code textContent} only; a Content-Security-Policy allows nothing but the server's own
 * script and style.
 *
 * <h2>Measured</h2>
 * See the README ("Review") for the 10 000-document figures ({@code ReviewBenchmark}).
 */
package org.tiqu.review;
