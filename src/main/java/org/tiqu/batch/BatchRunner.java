package org.tiqu.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tiqu.TiquException;
import org.tiqu.output.AtomicFiles;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Record;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/**
 * Runs the pipeline over a batch of files: each document's records are written
 * atomically to {@code records/<doc>.jsonl} as soon as it is done, a file that
 * cannot be read or processed is reported by name and skipped, and the manifest
 * is written last.
 */
public final class BatchRunner {

    public static final String VERSION = "0.1.0";

    private final Pipeline pipeline;
    private final Path outDir;
    private final LocalDate referenceDate;
    private final PrintStream log;
    private final SourceReader reader = new SourceReader();

    public BatchRunner(Pipeline pipeline, Path outDir, LocalDate referenceDate, PrintStream log) {
        this.pipeline = pipeline;
        this.outDir = outDir;
        this.referenceDate = referenceDate;
        this.log = log;
    }

    public BatchSummary run(List<Path> inputs) throws IOException {
        long start = System.nanoTime();
        List<DocumentEntry> entries = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        int done = 0;
        int failed = 0;
        for (Path file : InputFiles.expand(inputs)) {
            DocumentEntry entry = processOne(file, ids);
            entries.add(entry);
            if (entry.ok()) {
                done++;
                entry.counts().forEach((type, n) -> totals.merge(type, n, Integer::sum));
            } else {
                failed++;
                log.println("tiqu: skipped " + file + ": " + entry.error());
            }
        }
        new Manifest("tiqu", VERSION, pipeline.rules().dir().toString(), pipeline.rules().sha256(),
                referenceDate == null ? null : referenceDate.toString(), entries).write(outDir);
        return new BatchSummary(done, failed, totals, Duration.ofNanos(System.nanoTime() - start));
    }

    private DocumentEntry processOne(Path file, Map<String, Path> ids) {
        String source = relative(file);
        SourceText text;
        try {
            text = reader.read(file);
        } catch (SourceException e) {
            return failed(null, source, null, e.reason().name().toLowerCase() + ": " + e.getMessage());
        }
        Path clash = ids.putIfAbsent(text.id(), file);
        if (clash != null) {
            return failed(text.id(), source, text.sha256(), "document id '" + text.id() + "' is already taken by " + clash);
        }
        try {
            DocumentResult result = pipeline.process(text, referenceDate);
            List<Record> records = result.records();
            String recordsPath = "records/" + text.id() + ".jsonl";
            AtomicFiles.write(outDir.resolve(recordsPath), out -> RecordJson.writeLines(records, out));
            Map<String, Integer> counts = new LinkedHashMap<>();
            records.forEach(r -> counts.merge(r.type().name(), 1, Integer::sum));
            return new DocumentEntry(text.id(), source, text.sha256(), text.encoding(), text.hadBom(),
                    DocumentEntry.OK, recordsPath, counts, result.document().reference(), null);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof TiquException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return failed(text.id(), source, text.sha256(), why);
        }
    }

    private static DocumentEntry failed(String doc, String source, String sha256, String error) {
        return new DocumentEntry(doc, source, sha256, null, false, DocumentEntry.FAILED, null, Map.of(), null, error);
    }

    /** The path of {@code file} as seen from the output folder, so that the two can move together. */
    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return outDir.toAbsolutePath().normalize().relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
