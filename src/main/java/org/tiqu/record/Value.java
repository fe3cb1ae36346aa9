package org.tiqu.record;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The normalised value of a record: an ordered, immutable map of field names to
 * strings, written to JSON as it stands ({@code {"amount": "1372000000", "currency": "CNY"}}).
 * A field may hold null where the contract writes null ({@code "basis": null}).
 */
public final class Value {

    private final Map<String, String> fields;

    private Value(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static Value of(String key, String value) {
        return new Value(new LinkedHashMap<>()).with(key, value);
    }

    public static Value of(String k1, String v1, String k2, String v2) {
        return of(k1, v1).with(k2, v2);
    }

    /** A copy with {@code key} set (appended, or replaced in place). */
    public Value with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return new Value(copy);
    }

    /** A copy without {@code key}. */
    public Value without(String key) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(key);
        return new Value(copy);
    }

    public String get(String key) {
        return fields.get(key);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public Map<String, String> asMap() {
        return fields;
    }

    /**
     * A number in the contract's form: plain decimal, no exponent, no grouping,
     * no trailing zeros after the point ({@code 55.20} → {@code "55.2"}).
     */
    public static String number(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && fields.equals(v.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
