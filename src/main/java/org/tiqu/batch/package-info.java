/**
 * The batch runner: a folder of sources in, an output folder of records, manifest,
 * {@code metrics.csv} and {@code audit.html} out; incremental, parallel, and safe against
 * whatever a careless or hostile user does (issue 15).
 *
 * <h2>What protects what</h2>
 * <ul>
 * <li><b>One run per output folder</b> ({@link org.tiqu.batch.OutputLock}): an exclusive OS lock
 *     on {@code .lock}, taken before anything is read or removed (leftover temporaries included).
 *     Two runs used to delete each other's temporary files and fold only their own documents
 *     into the manifest (3 of 200 kept).</li>
 * <li><b>Real paths</b>: the output folder is known by its real path, and a source already in
 *     the manifest is recognised by the real path of its file, so a link to the folder is the
 *     folder and an entry written through another path is not "gone".</li>
 * <li><b>Ids from the input folder</b> ({@link org.tiqu.batch.InputFiles}): the path relative to
 *     the folder given, without extension; nested in {@code records/} and {@code text/}. The
 *     scorer reads records folders recursively and matches on the {@code doc} field, so it reads
 *     nested records as flat ones; flat folders (the seeds, the gold sets) keep the ids they had.
 *     An id is claimed first by documents the run keeps (sources not among its inputs), then by
 *     inputs in order; old files of a document whose id changed are removed unless another
 *     document owns their path now.</li>
 * <li><b>Paths from the manifest and journal stay inside</b>
 *     ({@link org.tiqu.output.OutputPaths}): checked when the run reads them, and again before any
 *     file is read or deleted; an edited {@code "records": "../victim.txt"} is refused with exit 2.</li>
 * <li><b>Group commit, not an fsync per file</b> (issue 19,
 *     {@link org.tiqu.output.ManifestJournal}): a document's records (and text) are written to a
 *     temporary file and renamed, without forcing; its entry is then appended to this run's
 *     journal segment, {@code .journal/segment-NNNNNN.jsonl}, in one write. Every
 *     {@link org.tiqu.batch.BatchRunner#COMMIT_DOCUMENTS} documents or 30 s (when the kernel has
 *     written most of a group back on its own: the fsyncs find little left to do), and before the
 *     manifest is written, the journal forces the group's files, their folders, then a commit
 *     line and the segment. A killed process loses nothing (the page cache outlives it; a line is
 *     written whole or not at all). After a power loss, lines before a segment's last commit are
 *     trusted; a later line is kept only if its records (and text) file on disk has the sha256 it
 *     names, otherwise its document is done again: the journal never makes a run skip a document
 *     whose records are not on disk. A crash between a document's write and its line leaves
 *     records no line names; they are rewritten by the next run ({@code GroupCommitTest}, with a
 *     halt at {@code after-records}, and a journal with a lost file after its last commit and a
 *     line cut short).</li>
 * <li><b>The manifest is written once</b>, at the end of a run (and by the first run that
 *     finishes after a crash, from the manifest and every segment). It used to be rewritten
 *     every 2 s for whoever watched the run: 24 MB at 30 k documents, so a run's cost grew with
 *     the square of its size. An append-only journal was chosen over an embedded database
 *     (SQLite): the journal is what was there, the manifest stays the one JSON file users and the
 *     scorer read, and an append plus a periodic fsync is the cheapest durable write there is; a
 *     database would add a dependency and its own fsync per transaction for the same guarantee.</li>
 * <li><b>Derived files are stamped</b> ({@link org.tiqu.batch.DerivedFiles}): manifest, then
 *     {@code metrics.csv} and {@code audit.html}, then the stamp, then the journal is cleared. The
 *     journal used to be cleared first, so a kill in between left the two stale for good.</li>
 * <li><b>Limits per document</b>: the time budget runs from reading the file to writing its
 *     records; running out of heap, of stack (a list pattern recursing over ten thousand items)
 *     or a linkage error fails the document alone. HanLP is loaded before the first document, so
 *     that a document filling the heap cannot break a dictionary's loading for later ones (how
 *     {@code OutOfMemoryBatchTest} used to fail now and then with no manifest at all).</li>
 * </ul>
 *
 * <h2>Corpora, standard output, progress (issue 18)</h2>
 * <ul>
 * <li>A line of a JSONL corpus is a document with a manifest entry of its own, keyed by its
 *     source and line ({@link org.tiqu.output.DocumentEntry#key()}): the journal, the skip test,
 *     id claims and pruning all go by that key. A line whose file is read but which is no longer
 *     in it counts as gone.</li>
 * <li>{@link org.tiqu.batch.StreamRun} ({@code --stdout}) shares the pipeline and readers but no
 *     folder: documents run on the workers a few ahead of the one written, output in input
 *     order.</li>
 * <li>{@link org.tiqu.batch.InputFilter}: globs and the formats passed over. A missing input is
 *     bad usage, found by the command before the batch starts; an input folder without documents
 *     is a warning and exit 0 (nothing to do is not a mistake), and nothing is written.</li>
 * <li>On Ctrl-C or TERM a shutdown hook says how many documents of this run are kept (their
 *     journal entries) and that the same command goes on; kill -9 says nothing, and keeps the
 *     same.</li>
 * </ul>
 *
 * <h2>Hostile runs (measured)</h2>
 * A million of one character in a row used to hang a batch: {@code PercentExtractor}'s matcher
 * scanned the run forward from every possible start (14+ minutes for {@code 亿}), and the ORG
 * extractor looked words and clauses up by walking from their start (50 s for 64 k {@code 公司}).
 * {@code HostileGrowthBenchmark} (on demand) prints each stage's thread CPU time as the run
 * doubles from 62 500 to 1 000 000; every stage grows about 2x per doubling. At a million (warm
 * JIT, 2026-12-02): {@code 亿}, {@code %}, {@code 万}, {@code 年}, {@code ，} at most 17 ms in any
 * stage; digits at most 43 ms (dates); {@code 百分之} is a million percentages
 * ({@code 百分之百分…} reads as 百分之百): percent 20 s, linker 7.3 s, JSONL 0.8 s, linear, so
 * it is the budget that stops it. Before: {@code 亿} 9.3 s at 64 k in the percent stage alone,
 * 4x per doubling. In CI, {@code HostileInputTest} runs the seven runs of issue 15 through a
 * real process with a 3 s budget each: the batch takes about 10 s.
 *
 * <h2>Faults (measured)</h2>
 * {@code KilledBatchTest} (kill -9 mid-batch), {@code FinalPhaseKillTest} (a halt after the
 * manifest and after {@code metrics.csv}, through {@code -Dtiqu.test.haltAt}), and on demand
 * {@code RandomKillFaultTest} ({@code mvn -B test -Dtest=RandomKillFaultTest -Dtiqu.faults=20}):
 * last run, seed 15, 150 articles, 20 kills of which 8 in the final phase, one more run, and
 * the folder equalled a clean run's byte for byte (162 s).
 *
 * <h2>Speed (issue 19, measured)</h2>
 * {@code tiqu bench --batch DIR} prints the batch next to the in-memory pipeline, in one run.
 * On the cnews sample ×10 (4,380 files; {@code src/test/scripts/batch-corpus.sh}), 2 loaded shared
 * cores: the batch took 130 s on main; with group commit and no rewritten manifest the same in
 * a run after it (the load changed), and 246 s against main's 294 s when both ran at once. JFR of
 * the extract (profile settings): the largest native wait was {@code FileDispatcherImpl.force0}
 * under {@code AtomicFiles.write} in the final phase (1 171 samples: every audit page and CSV
 * forced), then under {@code ManifestJournal.commit} every 5 s (882 samples; now every 30 s);
 * hottest Java frames HanLP's {@code WordBasedSegment.generateWordNet} (5.7%),
 * {@code Matcher.match} (5.6%), {@code RuleMatcher.maskBetween} (4.0%),
 * {@code ViterbiSegment.viterbi} (3.9%); the batch's own code (journal, JSONL, sha256, decoding)
 * under 3% together. JIT compile events summed to 158 s of compiler-thread wall time: per CPU
 * second the batch extracts 0.10x what the warm pipeline does, so at this size the JIT is the cost
 * left; C1 alone ({@code -XX:TieredStopAtLevel=1}) took 41% less user time on 876 files.
 *
 * <p>Second look (2026-12-02 evening, ×10, shared machine at load 5 to 7). <b>No JIT
 * pathology</b>: 361 {@code jdk.Deoptimization} events in 48 s (most {@code maybe_recompile}
 * after {@code profile_predicate} or {@code unstable_if}); the 4,371 "made not entrant" lines of
 * {@code -XX:+PrintCompilation} are tiered hand-overs spread over 2,636 methods (at most 23 for one
 * method, {@code String.<init>}); loaded classes flat after 26 s (3,839, then 96 more in the final
 * phase): no pattern, mapper, lambda or thread pool made per document; no "CodeCache is full"
 * (18.7 MB of code in the 64 MB reserved). The JIT is simply busy: with two cores there is one C2
 * thread, and it compiled all the run long (about 5 s of compilation per 5 s; 1,554 C2 compiles,
 * and 3,425 at level 2, which tiered compilation picks when the C2 queue is long). Per thread
 * ({@code /proc}): C2 18.6 s, C1 2.6 s, the two workers 17.5 s user and 4.6 s system, main 8.9 s;
 * the warm pipeline needs about 10 CPU seconds for the same documents. C2's time goes to large
 * methods ({@code IndicatorPhrase.left} 2.7 s over several compiles, {@code RuleMatcher.learnt}
 * 1.9 s, {@code AuditPage.renderText} 1.6 s, {@code OrgTagger.tag} 1.6 s in four compiles).
 * <b>The final phase</b> was 27 s of a 73 s run: the group commit forcing 8,760 files one by one
 * (10.3 s), then {@code metrics.csv} (6.3 s), {@code mentions.csv} (4.4 s) and the audit pages
 * (4.8 s) each reading every records file back on the main thread. Now the commit forces 8 files
 * at a time ({@link org.tiqu.output.ManifestJournal}: 0.4 to 1.4 s) and the three read and render
 * their documents on the batch's threads, written in order ({@link org.tiqu.output.InOrder}); same
 * bytes. A larger C2 threshold (Tier4 thresholds ×3) and less inlining
 * ({@code MaxInlineLevel=9, InlineSmallCode=1000}) were tried on ×10 and were within the noise
 * (22 to 29 s against 24 to 25 s), so the launcher's flags are unchanged.
 */
package org.tiqu.batch;
