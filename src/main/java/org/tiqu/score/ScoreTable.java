package org.tiqu.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The text report of {@code score.py} (without {@code --json}), character for character. */
final class ScoreTable {

    private ScoreTable() {
    }

    static String render(JsonNode report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-10s %5s %5s %6s %6s %6s %6s%n", "type", "gold", "pred", "P", "R", "F1", "value"));
        for (Iterator<Map.Entry<String, JsonNode>> it = report.get("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            out.append(String.format("%-10s %5d %5d %6s %6s %6s %6s%n", e.getKey(), s.get("gold").asInt(), s.get("pred").asInt(),
                    f3(s.get("precision")), f3(s.get("recall")), f3(s.get("f1")), f3(s.get("value_acc"))));
        }
        JsonNode m = report.get("metrics");
        StringBuilder fields = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.get("field_acc").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.append(fields.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ")
                    .append(pyRepr(e.getValue().asDouble()));
        }
        fields.append('}');
        out.append(String.format("%-10s %5d %5d %6s %6s %6s  fields %s  fully-correct recall %s%n", "METRIC",
                m.get("gold").asInt(), m.get("pred").asInt(), f3(m.get("precision")), f3(m.get("recall")),
                f3(m.get("f1")), fields, f3(m.get("fully_correct_recall"))));
        out.append(String.format("mentions F1 %s; ungrounded records %d of %d%n", f3(report.get("mentions").get("f1")),
                report.get("grounding").get("ungrounded").asInt(), report.get("grounding").get("records").asInt()));
        return out.toString();
    }

    /** Python's {@code format(x, '.3f')}: the exact binary value rounded half to even. */
    private static String f3(JsonNode x) {
        return new BigDecimal(x.asDouble()).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's {@code repr} of a float rounded to 4 places: {@code 1.0}, {@code 0.6667}, {@code 0.0001}. */
    private static String pyRepr(double d) {
        String s = Double.toString(d);
        return s.contains("E") ? new BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }
}
