package org.tiqu.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record field as data, as {@code score.py}'s {@code canon} sees it: numbers (and strings
 * that parse as finite decimals) compare as decimals, objects key by key with null fields
 * left out, arrays item by item. Two fields are equal when their canonical forms are.
 * The scorer and the rule-example checks both compare values this one way.
 */
public final class Canonical {

    private Canonical() {
    }

    public static Object of(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    fields.put(e.getKey(), of(e.getValue()));
                }
            }
            return fields;
        }
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(x -> items.add(of(x)));
            return items;
        }
        if (v.isNumber() || v.isTextual()) {
            BigDecimal d = decimal(v.asText());
            return d != null ? d : v.asText();
        }
        return v.asText();
    }

    /** Python's {@code Decimal(s)} for finite numbers, normalised; null when not a number. */
    private static BigDecimal decimal(String s) {
        String t = s.strip().replace("_", "");
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        BigDecimal d = new BigDecimal(t).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        return Objects.equals(of(a), of(b));
    }
}
