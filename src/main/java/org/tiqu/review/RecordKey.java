package org.tiqu.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.output.Canonical;

/**
 * What a verdict is about: a record's type and span, and for a metric its value too (one
 * span may hold several metrics, one per value). A verdict outlives re-extraction through
 * its key: the record of the new output with the same key is the one it judged.
 *
 * @param valueKey a metric's value as canonical JSON (keys sorted, nulls dropped, numbers
 *                 as plain decimals), so that {@code "1.50"} and {@code "1.5"} are one key;
 *                 empty for mentions
 */
public record RecordKey(String type, int begin, int end, String valueKey) {

    public static final String METRIC = "METRIC";

    public RecordKey {
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("a record key needs a type");
        }
        valueKey = valueKey == null ? "" : valueKey;
    }

    public static RecordKey of(JsonNode record) {
        String type = record.path("type").asText();
        return new RecordKey(type, record.path("begin").asInt(-1), record.path("end").asInt(-1),
                METRIC.equals(type) ? canonicalJson(record.get("value")) : "");
    }

    /** A field as canonical JSON text: equal for two fields exactly when {@link Canonical} says they are equal. */
    public static String canonicalJson(JsonNode field) {
        StringBuilder out = new StringBuilder();
        write(Canonical.of(field), out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(e.getKey().toString(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            quote(v.toString(), out);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return type + " [" + begin + ", " + end + ")" + (valueKey.isEmpty() ? "" : " " + valueKey);
    }
}
