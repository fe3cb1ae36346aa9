package org.tiqu.review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code tiqu review stats}: precision per record type and per rule, from the verdicts that
 * hold on today's output. Precision is the share of judged records a reviewer found right as
 * written; a corrected record counts against it (its span or a value was wrong), so does a
 * wrong one. Rules are listed with the most errors first: the rules to fix. Stale verdicts
 * are counted apart, not mixed into figures about records they no longer describe.
 */
public final class ReviewStats {

    /** The verdicts on one type or one rule. */
    public record Row(String name, String type, int correct, int corrected, int wrong) {
        public int judged() {
            return correct + corrected + wrong;
        }

        public int errors() {
            return corrected + wrong;
        }

        public double precision() {
            return judged() == 0 ? 0 : (double) correct / judged();
        }

        Row plus(DocumentReview.Item item) {
            return switch (item.verdict().kind()) {
                case CORRECT -> new Row(name, type, correct + 1, corrected, wrong);
                case CORRECTED -> new Row(name, type, correct, corrected + 1, wrong);
                case WRONG -> new Row(name, type, correct, corrected, wrong + 1);
            };
        }
    }

    private final List<Row> byType;
    private final List<Row> byRule;
    private final int documents;
    private final int unreviewed;
    private final int stale;

    private ReviewStats(List<Row> byType, List<Row> byRule, int documents, int unreviewed, int stale) {
        this.byType = byType;
        this.byRule = byRule;
        this.documents = documents;
        this.unreviewed = unreviewed;
        this.stale = stale;
    }

    public static ReviewStats of(OutputFolder out, ReviewDatabase verdicts) throws IOException {
        Map<String, Row> types = new TreeMap<>(Comparator.comparingInt(ReviewStats::typeOrder).thenComparing(t -> t));
        Map<String, Row> rules = new TreeMap<>();
        int[] counts = new int[3]; // documents, unreviewed records in them, stale verdicts
        ReviewedDocuments.forEach(out, verdicts, (ref, text, review, problem) -> {
            counts[0]++;
            if (review == null) {
                counts[2] += verdicts.current(ref.id()).size();
                return;
            }
            counts[2] += review.stale();
            for (DocumentReview.Item item : review.items()) {
                if (item.state() == DocumentReview.State.UNREVIEWED) {
                    counts[1]++;
                } else if (item.state() == DocumentReview.State.REVIEWED) {
                    String type = item.key().type();
                    String rule = item.record().path("rule").asText("(none)");
                    types.merge(type, new Row(type, type, 0, 0, 0).plus(item), ReviewStats::sum);
                    rules.merge(rule, new Row(rule, type, 0, 0, 0).plus(item), ReviewStats::sum);
                }
            }
        });
        List<Row> byRule = new ArrayList<>(rules.values());
        byRule.sort(Comparator.comparingInt(Row::errors).reversed().thenComparingDouble(Row::precision)
                .thenComparing(Row::name));
        return new ReviewStats(List.copyOf(types.values()), List.copyOf(byRule), counts[0], counts[1], counts[2]);
    }

    private static int typeOrder(String type) {
        int i = DocumentIndex.TYPES.indexOf(type);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static Row sum(Row a, Row b) {
        return new Row(a.name(), a.type(), a.correct() + b.correct(), a.corrected() + b.corrected(), a.wrong() + b.wrong());
    }

    public List<Row> byType() {
        return byType;
    }

    public List<Row> byRule() {
        return byRule;
    }

    public int stale() {
        return stale;
    }

    /** The two tables as {@code tiqu review stats} prints them. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-10s %7s %7s %9s %6s %9s%n", "type", "judged", "correct", "corrected", "wrong", "precision"));
        Row all = new Row("all", "", 0, 0, 0);
        for (Row r : byType) {
            s.append(String.format("%-10s %7d %7d %9d %6d %9.3f%n", r.name(), r.judged(), r.correct(), r.corrected(),
                    r.wrong(), r.precision()));
            all = sum(all, r);
        }
        s.append(String.format("%-10s %7d %7d %9d %6d %9.3f%n", "all", all.judged(), all.correct(), all.corrected(),
                all.wrong(), all.precision()));
        s.append('\n');
        int width = Math.max(4, byRule.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        s.append(String.format("%-" + width + "s %-9s %7s %7s %9s %6s %9s%n", "rule", "type", "judged", "correct",
                "corrected", "wrong", "precision"));
        for (Row r : byRule) {
            s.append(String.format("%-" + width + "s %-9s %7d %7d %9d %6d %9.3f%n", r.name(), r.type(), r.judged(),
                    r.correct(), r.corrected(), r.wrong(), r.precision()));
        }
        s.append('\n').append(documents).append(" document(s) with verdicts; ").append(unreviewed)
                .append(" record(s) in them not judged yet; ").append(stale)
                .append(" stale verdict(s) not counted (record or source changed since)\n");
        return s.toString();
    }

    public ObjectNode json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.put("documents", documents);
        o.put("unreviewed", unreviewed);
        o.put("stale", stale);
        o.set("types", rows(json, byType));
        o.set("rules", rows(json, byRule));
        return o;
    }

    private static ArrayNode rows(ObjectMapper json, List<Row> rows) {
        ArrayNode a = json.createArrayNode();
        for (Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("name", r.name());
            o.put("type", r.type());
            o.put("judged", r.judged());
            o.put("correct", r.correct());
            o.put("corrected", r.corrected());
            o.put("wrong", r.wrong());
            o.put("precision", Math.round(r.precision() * 10000) / 10000.0);
        }
        return a;
    }
}
