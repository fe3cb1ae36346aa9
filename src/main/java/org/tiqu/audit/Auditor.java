package org.tiqu.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.audit.AuditIssue.Kind;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.source.HtmlArticle;
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
 */
public final class Auditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditReport audit(Path outDir) throws IOException {
        Manifest manifest = Manifest.read(outDir);
        List<AuditIssue> issues = new ArrayList<>();
        int documents = 0;
        int records = 0;
        SourceReader reader = new SourceReader();
        HtmlArticle html = new HtmlArticle();
        for (DocumentEntry entry : manifest.documents()) {
            if (!entry.ok()) {
                continue;
            }
            documents++;
            Path sourcePath = outDir.resolve(entry.source()).normalize();
            if (!Files.isRegularFile(sourcePath)) {
                issues.add(new AuditIssue(Kind.MISSING_SOURCE, entry.doc(), 0, "source not found: " + sourcePath));
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
            Path recordsPath = outDir.resolve(entry.records());
            if (!Files.isRegularFile(recordsPath)) {
                issues.add(new AuditIssue(Kind.MISSING_RECORDS, entry.doc(), 0, "records not found: " + recordsPath));
                continue;
            }
            records += auditRecords(entry.doc(), new CodePointText(source.text()), recordsPath, issues);
        }
        return new AuditReport(documents, records, List.copyOf(issues));
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
            }
        }
        return count;
    }
}
