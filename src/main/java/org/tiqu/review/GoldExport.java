package org.tiqu.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.output.AtomicFiles;
import org.tiqu.output.OutputPaths;

/**
 * {@code tiqu review export OUT_DIR --gold DIR}: the reviewed documents as a gold set in the
 * shape of ANNOTATION.md, which {@code tiqu score DIR OUT_DIR/records} (or {@code score.py})
 * scores. A document is exported when every one of its records has a verdict that holds:
 * records judged correct go in as they are, corrected records as corrected, wrong ones not
 * at all. A partly reviewed document would make every unjudged record count as spurious, so
 * it is left out, and so is one whose source changed since the verdicts; the report names them.
 *
 * <p>Scoring the output against this gold measures precision per type (what share of what
 * tiqu wrote a reviewer accepted as it was). Recall it cannot measure: records tiqu never
 * wrote were never shown to a reviewer.
 */
public final class GoldExport {

    /** A small provenance file beside the gold; not a {@code .jsonl}, so scorers pass it by. */
    public static final String PROVENANCE_FILE = "review-export.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an export wrote and what it left out, and why. */
    public record Report(int documents, int correct, int corrected, int wrong, List<String> partlyReviewed,
                         List<String> staleSource, List<String> refused) {
        public int records() {
            return correct + corrected;
        }

        public String summary(Path goldDir) {
            StringBuilder s = new StringBuilder();
            s.append("exported ").append(documents).append(" reviewed document(s), ").append(records())
                    .append(" gold record(s) (").append(correct).append(" correct, ").append(corrected)
                    .append(" corrected; ").append(wrong).append(" wrong left out) to ").append(goldDir);
            if (!partlyReviewed.isEmpty()) {
                s.append("\nleft out, partly reviewed: ").append(list(partlyReviewed));
            }
            if (!staleSource.isEmpty()) {
                s.append("\nleft out, source changed or gone since the verdicts: ").append(list(staleSource));
            }
            if (!refused.isEmpty()) {
                s.append("\nrefused: ").append(list(refused));
            }
            return s.toString();
        }

        private static String list(List<String> items) {
            return items.size() <= 20 ? String.join(", ", items)
                    : String.join(", ", items.subList(0, 20)) + " and " + (items.size() - 20) + " more";
        }
    }

    private GoldExport() {
    }

    public static Report export(OutputFolder out, ReviewDatabase verdicts, Path goldDir) throws IOException {
        Path gold = goldDir.toAbsolutePath().normalize();
        if (gold.equals(out.dir()) || gold.startsWith(out.dir().resolve("records")) || gold.startsWith(out.dir().resolve("text"))) {
            throw new IOException(goldDir + ": refused as a gold folder (it is the output folder, or inside its records/ or text/)");
        }
        int[] counts = new int[4]; // documents, correct, corrected, wrong
        List<String> partly = new ArrayList<>();
        List<String> staleSource = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        TreeSet<String> reviewers = new TreeSet<>();
        List<String> exported = new ArrayList<>();
        ReviewedDocuments.forEach(out, verdicts, (ref, text, review, problem) -> {
            if (review == null) {
                refused.add(ref.id() + " (" + problem + ")");
                return;
            }
            if (text.text() == null || text.sourceChanged()) {
                staleSource.add(ref.id());
                return;
            }
            if (!review.complete()) {
                partly.add(ref.id() + " (" + review.reviewed() + "/" + review.items().size() + ")");
                return;
            }
            if (!OutputPaths.isSafeId(ref.id())) {
                refused.add(ref.id() + " (an id that cannot name a gold file)");
                return;
            }
            int[] cps = text.codePoints();
            Map<String, ObjectNode> records = new LinkedHashMap<>();
            int[] kinds = new int[3];
            for (DocumentReview.Item item : review.items()) {
                Verdict v = item.verdict();
                reviewers.add(v.reviewer());
                kinds[v.kind().ordinal()]++;
                ObjectNode record = switch (v.kind()) {
                    case CORRECT -> AnnotationShape.gold(item.record());
                    case CORRECTED -> v.corrected().deepCopy();
                    case WRONG -> null;
                };
                if (record != null) {
                    record.put("doc", ref.id());
                    records.putIfAbsent(RecordKey.canonicalJson(record), record);
                }
            }
            List<ObjectNode> sorted = new ArrayList<>(records.values());
            sorted.sort(Comparator.comparingInt((ObjectNode r) -> r.path("begin").asInt())
                    .thenComparingInt(r -> r.path("end").asInt()).thenComparing(r -> r.path("type").asText()));
            for (ObjectNode r : sorted) {
                int b = r.path("begin").asInt();
                int e = r.path("end").asInt();
                if (b < 0 || e > cps.length || b >= e || !new String(cps, b, e - b).equals(r.path("text").asText())) {
                    refused.add(ref.id() + " (record at [" + b + ", " + e + ") is not grounded in the text)");
                    return;
                }
            }
            Path jsonl = OutputPaths.inside(gold, ref.id() + ".jsonl");
            Path source = OutputPaths.inside(gold, "docs/" + ref.id() + ".txt");
            AtomicFiles.write(jsonl, o -> {
                for (ObjectNode r : sorted) {
                    o.write(JSON.writeValueAsBytes(r));
                    o.write('\n');
                }
            });
            AtomicFiles.write(source, text.text().getBytes(StandardCharsets.UTF_8));
            counts[0]++;
            counts[1] += kinds[Verdict.Kind.CORRECT.ordinal()];
            counts[2] += kinds[Verdict.Kind.CORRECTED.ordinal()];
            counts[3] += kinds[Verdict.Kind.WRONG.ordinal()];
            exported.add(ref.id());
        });
        Report report = new Report(counts[0], counts[1], counts[2], counts[3], List.copyOf(partly),
                List.copyOf(staleSource), List.copyOf(refused));
        if (counts[0] > 0) {
            writeProvenance(out, gold, report, reviewers, exported);
        }
        return report;
    }

    private static void writeProvenance(OutputFolder out, Path gold, Report report, TreeSet<String> reviewers,
                                        List<String> exported) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("from", out.dir().toString());
        p.put("exported_at", Instant.now().toString());
        p.put("what", "records of tiqu's output judged in tiqu review: correct ones as written, corrected ones as"
                + " corrected, wrong ones left out; records tiqu missed are not here, so recall against this set"
                + " is not measured");
        p.putPOJO("reviewers", reviewers);
        p.put("correct", report.correct());
        p.put("corrected", report.corrected());
        p.put("wrong", report.wrong());
        p.putPOJO("documents", exported);
        AtomicFiles.write(gold.resolve(PROVENANCE_FILE),
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(p));
    }
}
