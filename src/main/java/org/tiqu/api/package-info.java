/**
 * tiqu as a library (issue 17): {@link org.tiqu.api.Tiqu} loads the rules once (a folder, a
 * zip, or the rules bundled in the jar) and extracts the records of documents given as bytes,
 * from any number of threads; {@link org.tiqu.api.Result} holds the records as the JSON lines
 * {@code tiqu extract} writes, byte for byte, and what the manifest says of the document.
 *
 * <p>The command line's batch runner and the Spark job ({@code org.tiqu.spark}) are adapters
 * over this one code path: decoding (encodings, HTML article text, JSONL lines), the time
 * budget, the mapping of failures (unreadable, empty, binary, over budget, out of heap or stack)
 * to a reason, and the records' bytes. Files, the manifest and output folders stay the batch
 * runner's.
 */
package org.tiqu.api;
