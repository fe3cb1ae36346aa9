package org.tiqu.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.audit.AuditIssue.Kind;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.OutputFolderException;
import org.tiqu.output.OutputPaths;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.source.HtmlArticle;
import org.tiqu.source.JsonlDocument;
import org.tiqu.source.JsonlLines;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * Proves an output folder against its sources: every source the manifest names is
 * re-read and its sha256 compared, and every record's {@code text} must equal the
 * source slice at {@code begin:end} in code points. For an HTML source the slice is of
 * the article text, which is extracted again and must equal the text saved beside the
 * records.
 *
 * <p>The output folder is also proved against its own manifest, so that an edit shows
 * even where the text still matches: each records file must have the sha256 and the
 * number of records the manifest recorded (a changed value, a deleted line, an emptied
 * file), no records or text file may lie there unlisted, a failed entry names no records,
 * and no path of the manifest leads outside the folder. With a pipeline ({@code --deep})
 * each source is extracted again and must give exactly its records file.
 */
public final class Auditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The time one document may take when it is extracted again. */
    private static final Duration DEEP_BUDGET = Duration.ofMinutes(2);

    public AuditReport audit(Path outDir) throws IOException {
        return audit(outDir, null);
    }

    /**
     * The audit; with {@code deep} (the pipeline of the current rules and code), each source is
     * also extracted again and compared with its records file.
     */
    public AuditReport audit(Path outDir, Pipeline deep) throws IOException {
        if (Files.isDirectory(outDir)) {
            outDir = outDir.toRealPath(); // sources are recorded relative to the folder's real place
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(outDir);
        } catch (OutputFolderException e) {
            return new AuditReport(0, 0, List.of(new AuditIssue(Kind.BAD_MANIFEST, "-", 0, e.getMessage())));
        }
        List<AuditIssue> issues = new ArrayList<>();
        int documents = 0;
        int records = 0;
        SourceReader reader = new SourceReader();
        HtmlArticle html = new HtmlArticle();
        Corpora corpora = new Corpora();
        for (DocumentEntry entry : manifest.documents()) {
            if (!entryIsSound(outDir, entry, issues)) {
                continue;
            }
            if (!entry.ok()) {
                continue;
            }
            documents++;
            Path sourcePath = outDir.resolve(entry.source()).normalize();
            if (!Files.isRegularFile(sourcePath)) {
                issues.add(new AuditIssue(Kind.MISSING_SOURCE, entry.doc(), 0, "source not found: " + sourcePath));
                continue;
            }
            if (entry.line() != null) {
                SourceText line = corpusLine(corpora, entry, sourcePath, issues);
                if (line == null) {
                    continue;
                }
                if (!savedTextMatches(outDir.resolve(entry.text()), line.text())) {
                    issues.add(new AuditIssue(Kind.TEXT_CHANGED, entry.doc(), 0, entry.text() + " is not the \""
                            + entry.textField() + "\" value of line " + entry.line() + " of " + sourcePath + " (missing or edited)"));
                    continue;
                }
                records += auditRecordsOf(outDir, entry, line, deep, issues);
                continue;
            }
            byte[] bytes = Files.readAllBytes(sourcePath);
            String sha256 = SourceReader.sha256(bytes);
            if (!sha256.equals(entry.sha256())) {
                issues.add(new AuditIssue(Kind.SOURCE_CHANGED, entry.doc(), 0,
                        sourcePath + " has sha256 " + sha256 + ", the records were made from " + entry.sha256()));
                continue;
            }
            SourceText source;
            try {
                source = entry.text() != null ? html.read(entry.doc(), sourcePath, bytes)
                        : reader.decode(entry.doc(), sourcePath, bytes);
            } catch (SourceException e) {
                issues.add(new AuditIssue(Kind.UNDECODABLE, entry.doc(), 0, e.getMessage()));
                continue;
            }
            if (entry.text() != null && !savedTextMatches(outDir.resolve(entry.text()), source.text())) {
                issues.add(new AuditIssue(Kind.TEXT_CHANGED, entry.doc(), 0, entry.text()
                        + " is not the article text extracted from " + sourcePath + " (missing or edited)"));
                continue;
            }
            records += auditRecordsOf(outDir, entry, source, deep, issues);
        }
        corpora.close();
        checkUnlistedFiles(outDir, manifest, issues);
        return new AuditReport(documents, records, List.copyOf(issues));
    }

    /**
     * Whether {@code entry} can be audited: its paths stay inside the output folder (an edited
     * manifest could otherwise have any file read), and a failed entry names no records (a
     * status flipped to failed would otherwise hide a document from the audit).
     */
    private static boolean entryIsSound(Path outDir, DocumentEntry entry, List<AuditIssue> issues) {
        String problem = OutputPaths.problemOf(outDir, entry);
        if (problem != null) {
            issues.add(new AuditIssue(Kind.BAD_ENTRY, entry.doc(), 0, problem));
            return false;
        }
        if (!entry.ok() && (entry.records() != null || entry.recordCount() > 0 || entry.error() == null)) {
            issues.add(new AuditIssue(Kind.BAD_ENTRY, entry.doc(), 0, "status '" + entry.status()
                    + "' but the entry names records or no error: the manifest was edited"));
            return false;
        }
        return true;
    }

    /**
     * The records of a document whose text has been proved (a source's or a corpus line's):
     * the file against the manifest, every record against the text, and with {@code deep} a
     * fresh extraction. Returns the number of records read.
     */
    private static int auditRecordsOf(Path outDir, DocumentEntry entry, SourceText text, Pipeline deep,
            List<AuditIssue> issues) throws IOException {
        Path recordsPath = outDir.resolve(entry.records()).normalize();
        if (!Files.isRegularFile(recordsPath)) {
            issues.add(new AuditIssue(Kind.MISSING_RECORDS, entry.doc(), 0, "records not found: " + recordsPath));
            return 0;
        }
        checkRecordsFile(entry, recordsPath, issues);
        int records = auditRecords(entry.doc(), new CodePointText(text.text()), recordsPath, issues);
        if (deep != null) {
            compareWithExtraction(deep, entry, text, recordsPath, issues);
        }
        return records;
    }

    /** The records file must be the one the batch wrote: its sha256 and its number of records. */
    private static void checkRecordsFile(DocumentEntry entry, Path recordsPath, List<AuditIssue> issues) throws IOException {
        byte[] bytes = Files.readAllBytes(recordsPath);
        if (entry.recordsSha256() != null && !entry.recordsSha256().equals(SourceReader.sha256(bytes))) {
            issues.add(new AuditIssue(Kind.RECORDS_CHANGED, entry.doc(), 0, recordsPath
                    + " is not the file the batch wrote (sha256 " + SourceReader.sha256(bytes) + ", manifest "
                    + entry.recordsSha256() + ")"));
        }
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        if (lines != entry.recordCount()) {
            issues.add(new AuditIssue(Kind.RECORDS_CHANGED, entry.doc(), 0, recordsPath + " holds " + lines
                    + " records, the manifest counts " + entry.recordCount()));
        }
    }

    /** Every records and text file under the output folder must belong to a document of the manifest. */
    private static void checkUnlistedFiles(Path outDir, Manifest manifest, List<AuditIssue> issues) throws IOException {
        java.util.Set<Path> listed = new java.util.HashSet<>();
        for (DocumentEntry e : manifest.documents()) {
            if (e.ok() && OutputPaths.problemOf(outDir, e) == null) {
                listed.add(outDir.resolve(e.records()).normalize());
                if (e.text() != null) {
                    listed.add(outDir.resolve(e.text()).normalize());
                }
            }
        }
        for (String folder : List.of(OutputPaths.RECORDS, OutputPaths.TEXT)) {
            Path dir = outDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    boolean temporary = f.getFileName().toString().startsWith(".");
                    if (!temporary && !listed.contains(f.normalize())) {
                        issues.add(new AuditIssue(Kind.UNLISTED_FILE, outDir.relativize(f).toString(), 0,
                                "no document of the manifest lists this file"));
                    }
                }
            }
        }
    }

    /** {@code --deep}: the records the current pipeline makes of the source must be the records file, byte for byte. */
    private static void compareWithExtraction(Pipeline pipeline, DocumentEntry entry, SourceText source, Path recordsPath,
                                              List<AuditIssue> issues) throws IOException {
        LocalDate referenceDate = entry.referenceDate() == null ? null : LocalDate.parse(entry.referenceDate());
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        try {
            RecordJson.writeLines(pipeline.process(source, referenceDate, DEEP_BUDGET).records(), again);
        } catch (RuntimeException e) {
            issues.add(new AuditIssue(Kind.EXTRACTION_DIFFERS, entry.doc(), 0, "cannot be extracted again: " + e.getMessage()));
            return;
        }
        List<String> expected = again.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> actual = Files.readString(recordsPath, StandardCharsets.UTF_8).lines().toList();
        if (expected.equals(actual)) {
            return;
        }
        int line = 0;
        while (line < expected.size() && line < actual.size() && expected.get(line).equals(actual.get(line))) {
            line++;
        }
        String made = pipeline.rules().sha256().equals(entry.rulesSha256()) ? "" : " (the records were made with other rules)";
        issues.add(new AuditIssue(Kind.EXTRACTION_DIFFERS, entry.doc(), line + 1, "extracting " + entry.source()
                + " again gives " + expected.size() + " records, the file holds " + actual.size()
                + "; first difference here" + made + ": " + (line < expected.size() ? expected.get(line) : "(no more records)")));
    }

    /**
     * The corpora the manifest names, each read once from start to end: the manifest lists the
     * lines of a corpus in order, so the audit of a corpus of any size reads it through once.
     */
    private static final class Corpora implements AutoCloseable {
        private Path file;
        private JsonlLines lines;
        private JsonlLines.Line last;

        /** Line {@code number} of {@code file}, or null when the file has no such line. */
        JsonlLines.Line line(Path file, int number) throws IOException {
            if (!file.equals(this.file) || last == null || last.number() > number) {
                close();
                this.file = file;
                lines = JsonlLines.open(file);
                last = lines.next();
            }
            while (last != null && last.number() < number) {
                last = lines.next();
            }
            return last != null && last.number() == number ? last : null;
        }

        @Override
        public void close() throws IOException {
            if (lines != null) {
                lines.close();
                lines = null;
            }
            last = null;
        }
    }

    /** The document of a line of a JSONL corpus, checked against the manifest; null (with the issue) when it cannot be. */
    private static SourceText corpusLine(Corpora corpora, DocumentEntry entry, Path sourcePath, List<AuditIssue> issues)
            throws IOException {
        JsonlLines.Line line = corpora.line(sourcePath, entry.line());
        if (line == null) {
            issues.add(new AuditIssue(Kind.SOURCE_CHANGED, entry.doc(), 0, sourcePath + " has no line " + entry.line()
                    + " any more"));
            return null;
        }
        String sha256 = SourceReader.sha256(line.bytes());
        if (!sha256.equals(entry.sha256())) {
            issues.add(new AuditIssue(Kind.SOURCE_CHANGED, entry.doc(), 0, "line " + entry.line() + " of " + sourcePath
                    + " has sha256 " + sha256 + ", the records were made from " + entry.sha256()));
            return null;
        }
        try {
            String field = entry.textField() != null ? entry.textField() : JsonlDocument.DEFAULT_TEXT_FIELD;
            JsonlDocument document = JsonlDocument.parse(sourcePath, line, null, field, entry.doc());
            return new SourceText(entry.doc(), sourcePath, document.text(), SourceReader.UTF_8, sha256, false);
        } catch (SourceException e) {
            issues.add(new AuditIssue(Kind.UNDECODABLE, entry.doc(), 0, e.getMessage()));
            return null;
        }
    }

    /** The offsets of an HTML source count the saved extracted text, which must be what the source gives today. */
    private static boolean savedTextMatches(Path saved, String extracted) throws IOException {
        return Files.isRegularFile(saved) && Files.readString(saved, StandardCharsets.UTF_8).equals(extracted);
    }

    private static int auditRecords(String doc, CodePointText text, Path recordsPath, List<AuditIssue> issues) throws IOException {
        int count = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(recordsPath, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                count++;
                JsonNode r;
                try {
                    r = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    issues.add(new AuditIssue(Kind.BAD_RECORD, doc, lineNo, "not JSON: " + e.getOriginalMessage()));
                    continue;
                }
                if (!r.path("begin").isInt() || !r.path("end").isInt() || !r.path("text").isTextual()) {
                    issues.add(new AuditIssue(Kind.BAD_RECORD, doc, lineNo, "begin, end and text are required"));
                    continue;
                }
                if (!doc.equals(r.path("doc").asText())) {
                    issues.add(new AuditIssue(Kind.BAD_RECORD, doc, lineNo, "record of doc '" + r.path("doc").asText() + "'"));
                    continue;
                }
                int begin = r.get("begin").asInt();
                int end = r.get("end").asInt();
                if (begin < 0 || end < begin || end > text.length()) {
                    issues.add(new AuditIssue(Kind.OUT_OF_BOUNDS, doc, lineNo,
                            "[" + begin + ", " + end + ") outside the source's " + text.length() + " code points"));
                    continue;
                }
                String slice = text.slice(new Span(begin, end));
                if (!slice.equals(r.get("text").asText())) {
                    issues.add(new AuditIssue(Kind.TEXT_MISMATCH, doc, lineNo,
                            "text '" + r.get("text").asText() + "' but the source has '" + slice + "' at [" + begin + ", " + end + ")"));
                }
                auditEvidence(doc, lineNo, r, text, issues);
            }
        }
        return count;
    }

    /**
     * A METRIC's evidence spans ({@code "evidence": {"subject": [b, e] | null, "period": …}}) must
     * lie inside the source and hold some text: what the linker read must be there to read.
     */
    private static void auditEvidence(String doc, int lineNo, JsonNode r, CodePointText text, List<AuditIssue> issues) {
        if (!"METRIC".equals(r.path("type").asText()) || !r.has("evidence")) {
            return;
        }
        JsonNode evidence = r.get("evidence");
        if (!evidence.isObject()) {
            issues.add(new AuditIssue(Kind.BAD_RECORD, doc, lineNo, "evidence is not an object"));
            return;
        }
        for (String field : new String[] {"subject", "period"}) {
            JsonNode span = evidence.path(field);
            if (span.isMissingNode() || span.isNull()) {
                continue;
            }
            if (!span.isArray() || span.size() != 2 || !span.get(0).isInt() || !span.get(1).isInt()) {
                issues.add(new AuditIssue(Kind.BAD_RECORD, doc, lineNo, "evidence." + field + " is not [begin, end]"));
                continue;
            }
            int b = span.get(0).asInt();
            int e = span.get(1).asInt();
            if (b < 0 || e > text.length() || e <= b) {
                issues.add(new AuditIssue(Kind.OUT_OF_BOUNDS, doc, lineNo, "evidence." + field + " [" + b + ", " + e
                        + ") is empty or outside the source's " + text.length() + " code points"));
            } else if (text.slice(new Span(b, e)).isBlank()) {
                issues.add(new AuditIssue(Kind.OUT_OF_BOUNDS, doc, lineNo, "evidence." + field + " [" + b + ", " + e + ") holds no text"));
            }
        }
    }
}
