package org.tiqu.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.document.Deadline;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Record;
import org.tiqu.record.Value;

/**
 * The JSON form of records, field for field as ANNOTATION.md gives it, followed by the
 * provenance fields {@code rule}, {@code sentence} and {@code section}, and for a METRIC its
 * {@code evidence}: the code-point spans that gave its subject and period, or null.
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {
    }

    public static ObjectNode toJson(Record record) {
        ObjectNode o = JSON.createObjectNode();
        o.put("doc", record.doc());
        o.put("type", record.type().name());
        o.put("begin", record.span().begin());
        o.put("end", record.span().end());
        o.put("text", record.text());
        if (record instanceof Mention m) {
            o.set("value", valueJson(m.value()));
        } else if (record instanceof Metric m) {
            o.put("indicator", m.indicator());
            o.put("subject", m.subject());
            o.put("period", m.period());
            o.set("value", valueJson(m.value()));
            o.set("change", valueJson(m.change()));
            o.put("modality", m.modality());
        }
        o.put("rule", record.provenance().rule());
        o.put("sentence", record.provenance().sentence());
        o.put("section", sectionText(record.provenance().section()));
        if (record instanceof Metric m) {
            ObjectNode evidence = o.putObject("evidence");
            evidence.set("subject", spanJson(m.subjectEvidence()));
            evidence.set("period", spanJson(m.periodEvidence()));
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode spanJson(org.tiqu.text.Span span) {
        if (span == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        return JSON.createArrayNode().add(span.begin()).add(span.end());
    }

    /**
     * A section heading as a value: without what surrounds it that is not text, which
     * {@code strip()} leaves (a page's {@code &nbsp;} ended headings as {@code 加速度\u00A0};
     * fixed-width spaces, zero-width marks, control characters). Done here and not in the
     * sentence splitter, where the heading is compared with its sentence's text.
     */
    static String sectionText(String section) {
        if (section == null) {
            return null;
        }
        int begin = 0;
        int end = section.length();
        while (begin < end && isNotText(section.charAt(begin))) {
            begin++;
        }
        while (end > begin && isNotText(section.charAt(end - 1))) {
            end--;
        }
        return begin == end ? null : section.substring(begin, end);
    }

    private static boolean isNotText(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static ObjectNode valueJson(Value value) {
        if (value == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<String, String> e : value.asMap().entrySet()) {
            o.put(e.getKey(), e.getValue());
        }
        return o;
    }

    /**
     * The value a record's JSON holds under {@code field} ({@code value}, {@code change}), as
     * {@link #toJson} wrote it; null when it is null or missing. The inverse of writing a value,
     * so that tables made from the records files read values through {@link Value}.
     */
    public static Value valueOf(com.fasterxml.jackson.databind.JsonNode record, String field) {
        com.fasterxml.jackson.databind.JsonNode node = record.get(field);
        if (node == null || !node.isObject()) {
            return null;
        }
        Value value = null;
        for (var it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            String v = e.getValue().isNull() ? null : e.getValue().asText();
            value = value == null ? Value.of(e.getKey(), v) : value.with(e.getKey(), v);
        }
        return value;
    }

    /** One record per line, UTF-8, each line ending in a newline. */
    public static void writeLines(List<? extends Record> records, OutputStream out) throws IOException {
        writeLines(records, out, Deadline.none());
    }

    /** As above, stopping with {@link Deadline.Exceeded} when the document's time is up (a million records). */
    public static void writeLines(List<? extends Record> records, OutputStream out, Deadline deadline) throws IOException {
        // One generator for the whole list, writing UTF-8 straight to the stream; not closed,
        // since the stream is the caller's.
        JsonGenerator generator = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
        int written = 0;
        for (Record r : records) {
            if ((++written & 1023) == 0) {
                deadline.check();
            }
            JSON.writeTree(generator, toJson(r));
            generator.writeRaw('\n');
        }
        generator.flush();
    }
}
