package org.tiqu.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.tiqu.output.html.AuditPage.esc;

/**
 * A document as the review page shows it: its text cut into segments at every record and
 * evidence boundary (each segment naming the records and evidence spans covering it and
 * the code point it starts at), and each record as JSON for the page's script.
 */
final class DocumentView {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A span the text is cut at: a record's, or the subject or period evidence of a metric. */
    private record Mark(int begin, int end, int item, char role) {
    }

    private DocumentView() {
    }

    /** Whether a record's text is the slice of the text at its offsets. */
    static boolean grounded(JsonNode r, int[] cps) {
        int b = r.path("begin").asInt(-1);
        int e = r.path("end").asInt(-1);
        return b >= 0 && b <= e && e <= cps.length && new String(cps, b, e - b).equals(r.path("text").asText());
    }

    /**
     * The text as HTML: every piece a {@code span} with {@code data-b} (its first code point),
     * pieces under records with {@code data-r} (their indexes), a type colour class for the
     * innermost mention and {@code m} under a metric, and {@code data-ev} naming the metrics
     * whose subject ({@code 7s}) or period ({@code 7p}) evidence covers them.
     */
    static void renderText(int[] cps, List<DocumentReview.Item> items, StringBuilder out) {
        List<Mark> marks = new ArrayList<>();
        for (DocumentReview.Item item : items) {
            JsonNode r = item.record();
            if (!grounded(r, cps) || r.path("begin").asInt() == r.path("end").asInt()) {
                continue;
            }
            marks.add(new Mark(r.get("begin").asInt(), r.get("end").asInt(), item.index(), 'r'));
            JsonNode evidence = r.path("evidence");
            for (String role : List.of("subject", "period")) {
                int[] span = span(evidence.path(role), cps.length);
                if (span != null) {
                    marks.add(new Mark(span[0], span[1], item.index(), role.charAt(0)));
                }
            }
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, cps.length));
        marks.forEach(m -> {
            cuts.add(m.begin());
            cuts.add(m.end());
        });
        marks.sort(Comparator.comparingInt(Mark::begin));
        List<Mark> active = new ArrayList<>();
        int next = 0;
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            final int at = from;
            active.removeIf(m -> m.end() <= at);
            while (next < marks.size() && marks.get(next).begin() <= at) {
                active.add(marks.get(next++));
            }
            StringBuilder records = new StringBuilder();
            StringBuilder evidence = new StringBuilder();
            String mention = null;
            int mentionLength = Integer.MAX_VALUE;
            boolean metric = false;
            for (Mark m : active) {
                if (m.role() != 'r') {
                    evidence.append(evidence.length() == 0 ? "" : " ").append(m.item()).append(m.role());
                    continue;
                }
                records.append(records.length() == 0 ? "" : " ").append(m.item());
                String type = items.get(m.item()).key().type();
                if (type.equals(RecordKey.METRIC)) {
                    metric = true;
                } else if (m.end() - m.begin() < mentionLength) {
                    mention = type;
                    mentionLength = m.end() - m.begin();
                }
            }
            out.append("<span data-b=\"").append(from).append('"');
            if (records.length() > 0) {
                out.append(" class=\"seg").append(mention == null ? "" : " t-" + esc(mention)).append(metric ? " m" : "")
                        .append("\" data-r=\"").append(records).append('"');
            }
            if (evidence.length() > 0) {
                out.append(" data-ev=\"").append(evidence).append('"');
            }
            out.append('>').append(esc(new String(cps, from, to - from))).append("</span>");
        }
    }

    /** An evidence span {@code [begin, end]} inside the text, or null. */
    private static int[] span(JsonNode v, int length) {
        if (!v.isArray() || v.size() != 2 || !v.get(0).isInt() || !v.get(1).isInt()) {
            return null;
        }
        int b = v.get(0).asInt();
        int e = v.get(1).asInt();
        return b >= 0 && b < e && e <= length ? new int[] {b, e} : null;
    }

    /** A record, its verdict and how to show them, for the page's script. */
    static ObjectNode itemJson(DocumentReview.Item item, int[] cps, RuleDescriptions rules) {
        JsonNode r = item.record();
        ObjectNode o = JSON.createObjectNode();
        o.put("i", item.index());
        ObjectNode key = o.putObject("key");
        key.put("type", item.key().type());
        key.put("begin", item.key().begin());
        key.put("end", item.key().end());
        key.put("value_key", item.key().valueKey());
        o.put("type", item.key().type());
        o.put("text", r.path("text").asText());
        o.put("readable", ReadableValue.of(r));
        o.put("rule", r.path("rule").asText(""));
        o.put("rule_description", rules.of(r.path("rule").asText(null)));
        o.put("grounded", grounded(r, cps));
        o.set("gold", AnnotationShape.gold(r));
        if (r.has("evidence")) {
            o.set("evidence", r.get("evidence"));
        }
        o.set("fields", fields(r));
        o.set("verdict", verdictJson(item.verdict(), item.staleReason()));
        return o;
    }

    /** The judged fields worth a line of their own: a metric's parts. */
    private static ArrayNode fields(JsonNode r) {
        ArrayNode a = JSON.createArrayNode();
        if (!RecordKey.METRIC.equals(r.path("type").asText())) {
            return a;
        }
        for (String f : List.of("indicator", "subject", "period", "modality")) {
            a.addArray().add(f).add(r.hasNonNull(f) ? r.get(f).asText() : "—");
        }
        a.addArray().add("value").add(r.path("value").isObject() ? ReadableValue.value(r.get("value")) : "—");
        a.addArray().add("change").add(r.path("change").isObject() ? ReadableValue.change(r.get("change")) : "—");
        return a;
    }

    static JsonNode verdictJson(Verdict v, String staleReason) {
        if (v == null) {
            return JSON.nullNode();
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", v.id());
        o.put("kind", v.kind().dbName());
        o.put("reviewer", v.reviewer());
        o.put("at", v.at().toString());
        o.put("stale", staleReason);
        o.put("rule", v.rule());
        o.set("record", AnnotationShape.gold(v.record()));
        o.set("corrected", v.corrected());
        if (v.corrected() != null) {
            o.put("corrected_readable", v.corrected().path("text").asText() + "  " + ReadableValue.of(v.corrected()));
        }
        return o;
    }

    /** JSON for a script element: {@code <}, {@code >} and {@code &} escaped, so no text can close the element. */
    static String scriptJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
