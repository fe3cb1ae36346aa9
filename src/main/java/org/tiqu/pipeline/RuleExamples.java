package org.tiqu.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.output.Canonical;
import org.tiqu.output.RecordJson;
import org.tiqu.record.Metric;
import org.tiqu.record.Record;
import org.tiqu.record.RecordType;
import org.tiqu.rules.CounterExample;
import org.tiqu.rules.Example;
import org.tiqu.rules.Rule;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/**
 * Runs every rule's examples through the whole pipeline. An example passes when,
 * for each expectation, a winning record of that type has that exact text, that
 * value and the other fields given, and — when it is of the rule's own type — was
 * produced by that rule. A counter-example passes when no record of its type is produced.
 */
public final class RuleExamples {

    /** An example that did not come out as its rule says. */
    public record Failure(Rule rule, String text, String message) {
        @Override
        public String toString() {
            return rule + ": '" + text + "': " + message;
        }
    }

    /** What an expectation may say of a metric, beside its text, type and rule. */
    private static final List<String> METRIC_FIELDS = List.of("value", "indicator", "subject", "period", "change", "modality", "evidence");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pipeline pipeline;

    public RuleExamples(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public int exampleCount() {
        return pipeline.rules().allRules().stream().mapToInt(r -> r.examples().size() + r.counterExamples().size()).sum();
    }

    public List<Failure> checkAll() {
        List<Failure> failures = new ArrayList<>();
        for (Rule rule : pipeline.rules().allRules()) {
            failures.addAll(check(rule));
        }
        return failures;
    }

    public List<Failure> check(Rule rule) {
        List<Failure> failures = new ArrayList<>();
        for (Example example : rule.examples()) {
            List<Record> records = run(example.text(), example.referenceDate());
            for (Map<String, Object> expect : example.expect()) {
                String problem = unmet(rule, expect, records);
                if (problem != null) {
                    failures.add(new Failure(rule, example.text(), problem + "; got " + describe(records)));
                }
            }
        }
        for (CounterExample counter : rule.counterExamples()) {
            List<Record> found = run(counter.text(), counter.referenceDate()).stream()
                    .filter(r -> r.type() == counter.type()).toList();
            if (!found.isEmpty()) {
                failures.add(new Failure(rule, counter.text(), "counter-example produced " + describe(found)));
            }
        }
        return failures;
    }

    private List<Record> run(String text, LocalDate referenceDate) {
        SourceText source = new SourceText("example", Path.of("<example>"), text, SourceReader.UTF_8,
                SourceReader.sha256(text.getBytes(StandardCharsets.UTF_8)), false);
        return pipeline.process(source, referenceDate).records();
    }

    private static String unmet(Rule rule, Map<String, Object> expect, List<Record> records) {
        RecordType type = expect.containsKey("type")
                ? RecordType.valueOf(String.valueOf(expect.get("type")).toUpperCase()) : rule.type();
        String text = (String) expect.get("text");
        List<Record> sameText = records.stream()
                .filter(r -> r.type() == type && r.text().equals(text)).toList();
        if (sameText.isEmpty()) {
            return "expected " + type + " '" + text + "'";
        }
        String wantRule = expect.containsKey("rule") ? String.valueOf(expect.get("rule"))
                : type == rule.type() ? rule.id() : "any";
        String last = null;
        for (Record r : sameText) {
            last = mismatch(r, expect, wantRule);
            if (last == null) {
                return null;
            }
        }
        return "expected " + type + " '" + text + "' " + last;
    }

    /** Why {@code r} does not meet {@code expect}, or null when it does. */
    private static String mismatch(Record r, Map<String, Object> expect, String wantRule) {
        if (!"any".equals(wantRule) && !wantRule.equals(r.provenance().rule())) {
            return "from rule " + wantRule + ", not " + r.provenance().rule();
        }
        ObjectNode actual = RecordJson.toJson(r);
        for (String field : r instanceof Metric ? METRIC_FIELDS : List.of("value")) {
            if (expect.containsKey(field)
                    && !Canonical.equal(JSON.valueToTree(expect.get(field)), actual.get(field))) {
                return "with " + field + " " + expect.get(field) + ", not " + actual.get(field);
            }
        }
        return null;
    }

    private static String describe(List<Record> records) {
        if (records.isEmpty()) {
            return "nothing";
        }
        return records.stream().map(r -> {
            var json = RecordJson.toJson(r);
            json.remove("doc");
            json.remove("sentence");
            json.remove("section");
            return json.toString();
        }).collect(Collectors.joining(", "));
    }
}
