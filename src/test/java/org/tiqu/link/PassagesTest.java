package org.tiqu.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.tiqu.document.Document;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Provenance;
import org.tiqu.record.Record;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.RuleFile;
import org.tiqu.testing.RecordInvariants;
import org.tiqu.testing.TestPipelines;
import org.tiqu.text.Span;

/**
 * Five passages of other regions' press releases ({@code passages.yaml}), each with the
 * METRIC records it must give: first on hand-given mentions (the linker alone), then
 * through the whole pipeline once the extractors of every mention type it needs exist.
 */
class PassagesTest {

    private record Passage(String name, String text, LocalDate reference, List<Mention> mentions, List<JsonNode> metrics) {
    }

    @TestFactory
    Stream<DynamicTest> linkerOnHandGivenMentions() throws Exception {
        return onHandGivenMentions("passages.yaml");
    }

    @TestFactory
    Stream<DynamicTest> singleMechanismsOnHandGivenMentions() throws Exception {
        return onHandGivenMentions("linker-cases.yaml");
    }

    private Stream<DynamicTest> onHandGivenMentions(String resource) throws Exception {
        Pipeline pipeline = TestPipelines.standard();
        MetricLinker linker = new MetricLinker(pipeline.rules().file("metric"));
        return passages(resource).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Document document = pipeline.document(TestPipelines.source(p.name(), p.text()), p.reference());
            List<Metric> metrics = linker.link(document, p.mentions());
            List<Record> records = new ArrayList<>(p.mentions());
            records.addAll(metrics);
            RecordInvariants.check(document, records);
            assertMetrics(p, metrics);
        }));
    }

    @TestFactory
    Stream<DynamicTest> endToEnd() throws Exception {
        Pipeline pipeline = TestPipelines.standard();
        Set<RecordType> extracted = EnumSet.noneOf(RecordType.class);
        for (RuleFile file : pipeline.rules().files().values()) {
            if (file.type() != null && !file.rules().isEmpty()) {
                extracted.add(file.type());
            }
        }
        return passages("passages.yaml").stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Set<RecordType> needed = EnumSet.noneOf(RecordType.class);
            p.mentions().forEach(m -> needed.add(m.type()));
            assumeTrue(extracted.containsAll(needed), () -> "needs extractors for " + needed + "; rules give " + extracted);
            DocumentResult result = TestPipelines.run(p.text(), p.reference());
            assertMetrics(p, result.metrics());
        }));
    }

    private static void assertMetrics(Passage p, List<Metric> metrics) {
        List<String> problems = new ArrayList<>();
        for (JsonNode want : p.metrics()) {
            String text = want.get("text").asText();
            List<Metric> same = metrics.stream().filter(m -> m.text().equals(text)
                    && canon(want.get("value")).equals(canon(m.value()))).toList();
            if (same.isEmpty()) {
                problems.add("missing METRIC '" + text + "' " + want.get("value"));
                continue;
            }
            Metric m = same.get(0);
            check(problems, text, "indicator", want.get("indicator").asText(), m.indicator());
            check(problems, text, "subject", textOrNull(want.get("subject")), m.subject());
            check(problems, text, "period", textOrNull(want.get("period")), m.period());
            check(problems, text, "modality", want.get("modality").asText(), m.modality());
            if (!canon(want.get("change")).equals(canon(m.change()))) {
                problems.add("'" + text + "' change " + want.get("change") + ", not " + m.change());
            }
        }
        if (metrics.size() != p.metrics().size()) {
            problems.add("expected " + p.metrics().size() + " metrics, got " + metrics.size() + ": "
                    + metrics.stream().map(m -> m.text() + " → " + m.indicator()).toList());
        }
        assertTrue(problems.isEmpty(), () -> p.name() + ":\n  " + String.join("\n  ", problems));
    }

    private static void check(List<String> problems, String text, String field, String want, String got) {
        if (!Objects.equals(want, got)) {
            problems.add("'" + text + "' " + field + " " + want + ", not " + got);
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A value as comparable data: numbers as decimals, null fields left out. */
    private static Map<String, Object> canon(Object v) {
        Map<String, Object> out = new TreeMap<>();
        if (v instanceof JsonNode node && node.isObject()) {
            node.fields().forEachRemaining(e -> put(out, e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else if (v instanceof Value value) {
            value.asMap().forEach((k, x) -> put(out, k, x));
        }
        return out;
    }

    private static void put(Map<String, Object> out, String key, String value) {
        if (value == null) {
            return;
        }
        try {
            out.put(key, new BigDecimal(value).stripTrailingZeros());
        } catch (NumberFormatException e) {
            out.put(key, value);
        }
    }

    private static List<Passage> passages(String resource) throws Exception {
        JsonNode root;
        try (InputStream in = PassagesTest.class.getResourceAsStream(resource)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<Passage> out = new ArrayList<>();
        for (JsonNode p : root) {
            String name = p.get("name").asText();
            String text = p.get("text").asText();
            List<Mention> mentions = new ArrayList<>();
            int from = 0;
            for (JsonNode m : p.get("mentions")) {
                String surface = m.get(1).asText();
                int at = text.indexOf(surface, from);
                if (at < 0) {
                    throw new IllegalStateException(name + ": mention '" + surface + "' not found after " + from);
                }
                int begin = text.codePointCount(0, at);
                int end = begin + surface.codePointCount(0, surface.length());
                mentions.add(new Mention(name, RecordType.valueOf(m.get(0).asText()), new Span(begin, end), surface,
                        GoldMentionsLinker.value(m.get(2)), new Provenance("hand", -1, null)));
                from = at + surface.length();
            }
            List<JsonNode> metrics = new ArrayList<>();
            p.get("metrics").forEach(metrics::add);
            out.add(new Passage(name, text, LocalDate.parse(p.get("reference_date").asText()), mentions, metrics));
        }
        return out;
    }
}
