package org.tiqu.score;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** How score.py prints JSON values in its example lines: {@code str()} and {@code json.dumps(v, ensure_ascii=False)}. */
final class PyJson {

    private PyJson() {
    }

    /** Python's {@code str()} of a JSON value read by {@code json.loads}; {@code None} when missing. */
    static String str(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isContainerNode()) {
            return dumps(v);
        }
        return v.asText();
    }

    /** {@code json.dumps(v, ensure_ascii=False)}: ", " and ": " separators, keys in their order. */
    static String dumps(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isObject()) {
            StringBuilder s = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                s.append(s.length() > 1 ? ", " : "").append(quote(e.getKey())).append(": ").append(dumps(e.getValue()));
            }
            return s.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (JsonNode x : v) {
                s.append(s.length() > 1 ? ", " : "").append(dumps(x));
            }
            return s.append(']').toString();
        }
        if (v.isTextual()) {
            return quote(v.asText());
        }
        return v.toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
