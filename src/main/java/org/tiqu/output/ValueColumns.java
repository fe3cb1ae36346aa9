package org.tiqu.output;

import java.util.Arrays;
import java.util.List;

import org.tiqu.record.Value;

/**
 * A record's value as table columns, the same for {@code metrics.csv} and {@code mentions.csv}:
 * {@code value} (the number as the record writes it, or the timex, duration or name),
 * {@code value_kind} (which field of the value it is: {@code amount}, {@code percent},
 * {@code points}, {@code times}, {@code fraction}, {@code timex}, {@code duration},
 * {@code name}), {@code unit}, {@code currency} and {@code approx} ({@code over}, {@code under},
 * {@code about}). Every field a value can hold has its column, so that the value can be read
 * back from the row exactly (the round trip {@code RecordTablesRoundTripTest} checks).
 */
public final class ValueColumns {

    /** The fields that hold a value's number or text, one per kind; a value has one of them. */
    public static final List<String> KINDS = List.of("amount", "percent", "points", "times", "fraction", "timex",
            "duration", "name");
    public static final List<String> NAMES = List.of("value", "value_kind", "unit", "currency", "approx");

    private ValueColumns() {
    }

    /** The five cells of {@code value}; all empty for none. */
    public static List<String> of(Value value) {
        if (value == null) {
            return Arrays.asList("", "", "", "", "");
        }
        String kind = kindOf(value);
        return Arrays.asList(kind == null ? "" : nonNull(value.get(kind)), kind == null ? "" : kind,
                nonNull(value.get("unit")), nonNull(value.get("currency")), nonNull(value.get("approx")));
    }

    /** Which of {@link #KINDS} {@code value} holds, or null. */
    public static String kindOf(Value value) {
        for (String kind : KINDS) {
            if (value.has(kind)) {
                return kind;
            }
        }
        return null;
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
