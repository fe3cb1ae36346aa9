package org.tiqu.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Record values as a reviewer reads them: {@code 1,150.2亿元 = 115,020,000,000 CNY},
 * {@code +10.5% yoy}, {@code > 160 家}. Digits are grouped by thousands; nothing is rounded.
 */
public final class ReadableValue {

    private static final Pattern FIRST_NUMBER = Pattern.compile("(?<![0-9.])([0-9]{4,})(\\.[0-9]+)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ReadableValue() {
    }

    /** A record's value in one line: what the text says and what it was read as. */
    public static String of(JsonNode record) {
        String type = record.path("type").asText();
        JsonNode value = record.path("value");
        String text = record.path("text").asText();
        return switch (type) {
            case "MONEY", "QUANTITY", "PERCENT" -> value.isObject() ? asWritten(grouped(text), value(value)) : grouped(text);
            case "DATE" -> value.path("timex").asText(text);
            case "DURATION" -> value.path("duration").asText(text);
            case "ORG" -> value.hasNonNull("name") && !value.get("name").asText().equals(text) ? "= " + value.get("name").asText() : "";
            case "METRIC" -> metric(record);
            default -> text;
        };
    }

    private static String asWritten(String text, String value) {
        return text.equals(value) ? value : text + " = " + value;
    }

    /** A metric's figure: value, change, and where it belongs. */
    static String metric(JsonNode r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.path("indicator").asText("?"));
        if (r.path("value").isObject()) {
            parts.add(value(r.get("value")));
        }
        if (r.path("change").isObject()) {
            parts.add(change(r.get("change")));
        }
        for (String field : List.of("period", "subject", "modality")) {
            if (r.hasNonNull(field)) {
                parts.add(r.get(field).asText());
            }
        }
        return String.join(" · ", parts);
    }

    /** A value object of ANNOTATION.md: {@code 1,372,000,000 CNY}, {@code 15.28%}, {@code 41.6 pp}, {@code ×1.8}. */
    static String value(JsonNode v) {
        return approx(v) + figure(v);
    }

    /** A change: {@code +10.5% yoy}, {@code −3.2%}, {@code +2 pp mom}. */
    static String change(JsonNode c) {
        String sign = switch (c.path("direction").asText("")) {
            case "up" -> "+";
            case "down" -> "−";
            default -> "";
        };
        return approx(c) + sign + figure(c) + (c.hasNonNull("basis") ? " " + c.get("basis").asText() : "");
    }

    private static String approx(JsonNode v) {
        return switch (v.path("approx").asText("")) {
            case "over" -> "> ";
            case "under" -> "< ";
            case "about" -> "≈ ";
            default -> "";
        };
    }

    private static String figure(JsonNode v) {
        if (v.hasNonNull("amount")) {
            String unit = v.hasNonNull("currency") ? v.get("currency").asText() : v.path("unit").asText("");
            return number(v.get("amount").asText()) + (unit.isEmpty() ? "" : " " + unit);
        }
        if (v.hasNonNull("percent")) {
            return number(v.get("percent").asText()) + "%";
        }
        if (v.hasNonNull("points")) {
            return number(v.get("points").asText()) + " pp";
        }
        if (v.hasNonNull("times")) {
            return "×" + number(v.get("times").asText());
        }
        if (v.hasNonNull("fraction")) {
            return v.get("fraction").asText();
        }
        return v.toString();
    }

    /** A plain decimal with its integer part grouped by thousands; anything else as it is. */
    static String number(String s) {
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            return s;
        }
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + out + (dot < 0 ? "" : digits.substring(dot));
    }

    /** The text with its first number of four or more whole digits grouped: 1150.2亿元 → 1,150.2亿元. */
    static String grouped(String text) {
        Matcher m = FIRST_NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        return text.substring(0, m.start()) + number(m.group()) + text.substring(m.end());
    }
}
