package org.tiqu.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import opennlp.tools.util.eval.FMeasure;
import org.tiqu.output.Canonical;

/**
 * Scores predictions against a gold set with the matching rules and figures of
 * {@code ../shared/score.py} (its {@code --json} report, field for field):
 * <ul>
 * <li>mentions match strictly on (doc, type, begin, end); a repeated prediction counts
 *     once as a hit and again as spurious; values are then compared as data;</li>
 * <li>metrics pair greedily, in gold order, with the first unused prediction of the same
 *     doc whose evidence overlaps and whose value is equal; their fields are then compared;</li>
 * <li>every prediction's text must be its source's slice at begin:end in code points.</li>
 * </ul>
 * Precision, recall and F1 of mentions come from OpenNLP's {@link FMeasure}; figures are
 * rounded to 4 places as Python's {@code round} does.
 */
public final class Scorer {

    public static final List<String> MENTION_TYPES = List.of("ORG", "MONEY", "PERCENT", "QUANTITY", "DATE", "DURATION");
    public static final List<String> METRIC_FIELDS = List.of("indicator", "subject", "period", "change", "modality");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A mention's identity for strict matching. */
    private record Key(String doc, String type, JsonNode begin, JsonNode end) {
    }

    /** A repeated prediction: never equal to anything, so FMeasure counts it as selected and spurious. */
    private static final class Repeat {
    }

    /** Scores {@code in}; with {@code errors > 0} also lists up to that many misses, spurious records and wrong values per type. */
    public Score score(ScoreInput in, int errors) {
        List<String> examples = new ArrayList<>();
        ObjectNode report = JSON.createObjectNode();
        report.put("docs", in.sources().size());
        ObjectNode types = report.putObject("types");
        ObjectNode metrics = report.putObject("metrics");
        ObjectNode grounding = report.putObject("grounding");
        grounding.put("records", in.preds().size());
        grounding.put("ungrounded", in.preds().stream().filter(r -> !grounded(r, in.sources())).count());

        FMeasure allMentions = new FMeasure();
        for (String t : MENTION_TYPES) {
            Map<Key, JsonNode> g = byKey(in.gold(), t);
            List<JsonNode> plist = in.preds().stream().filter(r -> t.equals(r.path("type").asText(null))).map(r -> (JsonNode) r).toList();
            Map<Key, JsonNode> p = byKey(plist, t);
            List<Object> predictions = new ArrayList<>(p.keySet());
            for (int i = p.size(); i < plist.size(); i++) {
                predictions.add(new Repeat());
            }
            FMeasure f = new FMeasure();
            f.updateScores(g.keySet().toArray(), predictions.toArray());
            allMentions.mergeInto(f);
            Set<Key> tp = new HashSet<>(g.keySet());
            tp.retainAll(p.keySet());
            long valueOk = tp.stream().filter(k -> Canonical.equal(g.get(k).get("value"), p.get(k).get("value"))).count();
            long lenient = g.values().stream().filter(r -> p.values().stream().anyMatch(q ->
                    q.path("doc").asText().equals(r.path("doc").asText())
                            && q.path("begin").asLong() < r.path("end").asLong()
                            && r.path("begin").asLong() < q.path("end").asLong())).count();
            ObjectNode s = types.putObject(t);
            s.put("gold", g.size());
            s.put("pred", plist.size());
            s.put("tp", tp.size());
            putPrf(s, f);
            s.put("value_acc", tp.isEmpty() ? 0.0 : round((double) valueOk / tp.size()));
            s.put("overlap_recall", g.isEmpty() ? 0.0 : round((double) lenient / g.size()));
            mentionExamples(t, g, p, tp, errors, examples);
        }
        scoreMetrics(in, metrics, errors, examples);
        putPrf(report.putObject("mentions"), allMentions);
        return new Score(report, List.copyOf(examples));
    }

    /** score.py's lines for one mention type, keys in its sort order (doc, type, begin, end). */
    private static void mentionExamples(String t, Map<Key, JsonNode> g, Map<Key, JsonNode> p, Set<Key> tp, int errors,
                                        List<String> out) {
        Comparator<Key> order = Comparator.comparing(Key::doc).thenComparing(k -> k.begin().decimalValue())
                .thenComparing(k -> k.end().decimalValue());
        g.keySet().stream().filter(k -> !p.containsKey(k)).sorted(order).limit(errors).forEach(k ->
                out.add(String.format("missed  %-9s %s:%s %s", t, k.doc(), PyJson.str(g.get(k).get("begin")), g.get(k).path("text").asText())));
        p.keySet().stream().filter(k -> !g.containsKey(k)).sorted(order).limit(errors).forEach(k ->
                out.add(String.format("spurious %-8s %s:%s %s", t, k.doc(), PyJson.str(p.get(k).get("begin")), PyJson.str(p.get(k).get("text")))));
        if (errors > 0) {
            tp.stream().sorted(order).filter(k -> !Canonical.equal(g.get(k).get("value"), p.get(k).get("value"))).forEach(k ->
                    out.add(String.format("value   %-9s %s:%s %s gold=%s pred=%s", t, k.doc(), PyJson.str(g.get(k).get("begin")),
                            g.get(k).path("text").asText(), PyJson.dumps(g.get(k).get("value")), PyJson.dumps(p.get(k).get("value")))));
        }
    }

    private static void scoreMetrics(ScoreInput in, ObjectNode out, int errors, List<String> examples) {
        List<ObjectNode> gm = in.gold().stream().filter(r -> "METRIC".equals(r.path("type").asText(null))).toList();
        List<ObjectNode> pm = in.preds().stream().filter(r -> "METRIC".equals(r.path("type").asText(null))).toList();
        Set<Integer> used = new HashSet<>();
        List<JsonNode[]> pairs = new ArrayList<>();
        for (ObjectNode g : gm) {
            for (int i = 0; i < pm.size(); i++) {
                ObjectNode q = pm.get(i);
                if (used.contains(i) || !q.path("doc").asText().equals(g.path("doc").asText())) {
                    continue;
                }
                if (q.path("begin").asLong(0) < g.path("end").asLong() && g.path("begin").asLong() < q.path("end").asLong(0)
                        && Canonical.equal(q.get("value"), g.get("value"))) {
                    used.add(i);
                    pairs.add(new JsonNode[] {g, q});
                    break;
                }
            }
        }
        out.put("gold", gm.size());
        out.put("pred", pm.size());
        out.put("tp", pairs.size());
        double p = pm.isEmpty() ? 0.0 : (double) pairs.size() / pm.size();
        double r = gm.isEmpty() ? 0.0 : (double) pairs.size() / gm.size();
        out.put("precision", round(p));
        out.put("recall", round(r));
        out.put("f1", round(p + r > 0 ? 2 * p * r / (p + r) : 0.0));
        ObjectNode fields = out.putObject("field_acc");
        for (String fld : METRIC_FIELDS) {
            long ok = pairs.stream().filter(x -> Canonical.equal(x[0].get(fld), x[1].get(fld))).count();
            fields.put(fld, pairs.isEmpty() ? 0.0 : round((double) ok / pairs.size()));
        }
        long complete = pairs.stream().filter(x -> METRIC_FIELDS.stream()
                .allMatch(fld -> Canonical.equal(x[0].get(fld), x[1].get(fld)))).count();
        out.put("fully_correct_recall", gm.isEmpty() ? 0.0 : round((double) complete / gm.size()));
        if (errors > 0) {
            Set<JsonNode> matched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            pairs.forEach(x -> matched.add(x[0]));
            gm.stream().filter(g -> !matched.contains(g)).limit(errors).forEach(g -> examples.add(String.format(
                    "missed  METRIC    %s:%s %s", g.path("doc").asText(), PyJson.str(g.get("begin")), g.path("text").asText())));
            for (JsonNode[] x : pairs) {
                for (String fld : METRIC_FIELDS) {
                    if (!Canonical.equal(x[0].get(fld), x[1].get(fld)) && examples.size() < 60 * errors) {
                        examples.add(String.format("field   METRIC    %s:%s %s: gold=%s pred=%s", x[0].path("doc").asText(),
                                PyJson.str(x[0].get("begin")), fld, PyJson.dumps(x[0].get(fld)), PyJson.dumps(x[1].get(fld))));
                    }
                }
            }
            in.preds().stream().filter(q -> !grounded(q, in.sources())).limit(errors).forEach(q -> examples.add(String.format(
                    "ungrounded %s %s:%s %s", PyJson.str(q.get("type")), PyJson.str(q.get("doc")), PyJson.str(q.get("begin")),
                    PyJson.str(q.get("text")))));
        }
    }

    /** The last record of each key wins, as in a Python dict built from a list. */
    private static Map<Key, JsonNode> byKey(List<? extends JsonNode> records, String type) {
        Map<Key, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : records) {
            if (type.equals(r.path("type").asText(null))) {
                out.put(new Key(r.path("doc").asText(), type, number(r.get("begin")), number(r.get("end"))), r);
            }
        }
        return out;
    }

    /** JSON numbers compare by value in Python (1 == 1.0); text and other values as they are. */
    private static JsonNode number(JsonNode n) {
        if (n != null && n.isNumber()) {
            return JSON.getNodeFactory().numberNode(n.decimalValue().stripTrailingZeros());
        }
        return n;
    }

    private static void putPrf(ObjectNode s, FMeasure f) {
        s.put("precision", round(f.getPrecisionScore()));
        s.put("recall", round(f.getRecallScore()));
        // FMeasure answers -1 when precision and recall are both 0; score.py says 0.
        s.put("f1", round(Math.max(0.0, f.getFMeasure())));
    }

    /** Python's {@code round(x, 4)}: the exact binary value, rounded half to even. */
    static double round(double x) {
        return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static boolean grounded(JsonNode r, Map<String, int[]> sources) {
        JsonNode b = r.get("begin");
        JsonNode e = r.get("end");
        if (b == null || e == null || !b.isIntegralNumber() || !e.isIntegralNumber()) {
            return false;
        }
        int[] text = sources.get(r.path("doc").asText());
        JsonNode t = r.get("text");
        return t != null && t.isTextual() && pySlice(text, b.asLong(), e.asLong()).equals(t.asText());
    }

    /** Python's {@code s[begin:end]} on code points, negative and out-of-range bounds included. */
    static String pySlice(int[] cps, long begin, long end) {
        int n = cps.length;
        long b = begin < 0 ? Math.max(0, n + begin) : Math.min(begin, n);
        long e = end < 0 ? Math.max(0, n + end) : Math.min(end, n);
        return b >= e ? "" : new String(cps, (int) b, (int) (e - b));
    }
}
