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
        o.put("section", record.provenance().section());
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
