package org.tiqu.review;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.output.Canonical;
import org.tiqu.record.RecordType;

/**
 * Records in the shape ANNOTATION.md gives gold records: the fields a verdict judges, the
 * fields a gold file holds, and the checks a corrected record must pass before it is
 * stored. Provenance fields ({@code rule}, {@code sentence}, {@code section},
 * {@code evidence}) are the output's, not the gold's.
 */
public final class AnnotationShape {

    static final List<String> MENTION_FIELDS = List.of("doc", "type", "begin", "end", "text", "value");
    static final List<String> METRIC_FIELDS = List.of("doc", "type", "begin", "end", "text", "indicator", "subject",
            "period", "value", "change", "modality");
    static final Set<String> MODALITIES = Set.of("actual", "target", "plan");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnotationShape() {
    }

    static List<String> fieldsOf(String type) {
        return RecordKey.METRIC.equals(type) ? METRIC_FIELDS : MENTION_FIELDS;
    }

    /** The gold-shaped copy of a record: its ANNOTATION.md fields in their order, nothing else. */
    public static ObjectNode gold(JsonNode record) {
        ObjectNode o = JSON.createObjectNode();
        for (String f : fieldsOf(record.path("type").asText())) {
            JsonNode v = record.get(f);
            o.set(f, v == null ? JSON.nullNode() : v.deepCopy());
        }
        return o;
    }

    /** Whether two records say the same thing in every field a verdict judges (values compared as data). */
    public static boolean sameJudgedFields(JsonNode a, JsonNode b) {
        if (!a.path("type").asText().equals(b.path("type").asText())) {
            return false;
        }
        for (String f : fieldsOf(a.path("type").asText())) {
            if (!Canonical.equal(a.get(f), b.get(f))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a corrected record as a reviewer wrote it and returns its gold form. Its
     * {@code text} is taken from the source at its offsets, so moving a span is editing
     * {@code begin} and {@code end} alone.
     *
     * @param source the text the document's offsets count in, as code points
     * @throws IllegalArgumentException saying what is wrong, for the reviewer
     */
    public static ObjectNode correction(JsonNode input, String doc, int[] source) {
        if (input == null || !input.isObject()) {
            throw new IllegalArgumentException("a corrected record is a JSON object");
        }
        String type = input.path("type").asText("");
        if (!isType(type)) {
            throw new IllegalArgumentException("type must be one of " + List.of(RecordType.values()) + ", not '" + type + "'");
        }
        Set<String> allowed = new LinkedHashSet<>(fieldsOf(type));
        for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' for a " + type + " record (fields: "
                        + String.join(", ", allowed) + ")");
            }
        }
        if (!input.path("begin").canConvertToInt() || !input.path("begin").isIntegralNumber()
                || !input.path("end").isIntegralNumber() || !input.path("end").canConvertToInt()) {
            throw new IllegalArgumentException("begin and end must be whole numbers (code points)");
        }
        int begin = input.get("begin").asInt();
        int end = input.get("end").asInt();
        if (begin < 0 || end <= begin || end > source.length) {
            throw new IllegalArgumentException("[" + begin + ", " + end + ") is not a span of the text (0 to "
                    + source.length + " code points, begin before end)");
        }
        if (input.has("doc") && !input.get("doc").isNull() && !doc.equals(input.get("doc").asText())) {
            throw new IllegalArgumentException("doc must stay '" + doc + "'");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("doc", doc);
        out.put("type", type);
        out.put("begin", begin);
        out.put("end", end);
        out.put("text", new String(source, begin, end - begin));
        if (RecordKey.METRIC.equals(type)) {
            String indicator = input.path("indicator").asText("");
            if (!input.path("indicator").isTextual() || indicator.isBlank()) {
                throw new IllegalArgumentException("a METRIC needs its indicator (text)");
            }
            out.put("indicator", indicator);
            out.set("subject", textOrNull(input, "subject"));
            out.set("period", textOrNull(input, "period"));
            out.set("value", valueObject(input.get("value"), "value", true));
            out.set("change", valueObject(input.get("change"), "change", true));
            String modality = input.path("modality").asText("");
            if (!MODALITIES.contains(modality)) {
                throw new IllegalArgumentException("modality must be actual, target or plan, not '" + modality + "'");
            }
            out.put("modality", modality);
            if (out.get("value").isNull() && out.get("change").isNull()) {
                throw new IllegalArgumentException("a METRIC needs a value or a change");
            }
        } else {
            out.set("value", valueObject(input.get("value"), "value", false));
        }
        return out;
    }

    static boolean isType(String type) {
        for (RecordType t : RecordType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode textOrNull(JsonNode input, String field) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return JSON.nullNode();
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be text or null");
        }
        return JSON.getNodeFactory().textNode(v.asText());
    }

    /** A value object: fields of text (numbers become their decimal text, as ANNOTATION.md writes them). */
    private static JsonNode valueObject(JsonNode v, String field, boolean nullable) {
        if (v == null || v.isNull()) {
            if (nullable) {
                return JSON.nullNode();
            }
            throw new IllegalArgumentException(field + " is required");
        }
        if (!v.isObject() || v.isEmpty()) {
            throw new IllegalArgumentException(field + " must be an object such as {\"amount\": \"1372000000\", \"currency\": \"CNY\"}");
        }
        ObjectNode o = JSON.createObjectNode();
        for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode x = v.get(name);
            if (x.isNull()) {
                o.putNull(name);
            } else if (x.isNumber()) {
                o.put(name, x.decimalValue().stripTrailingZeros().toPlainString());
            } else if (x.isTextual()) {
                o.put(name, x.asText());
            } else {
                throw new IllegalArgumentException(field + "." + name + " must be text");
            }
        }
        return o;
    }
}
