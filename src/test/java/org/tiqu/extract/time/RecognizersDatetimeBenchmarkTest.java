package org.tiqu.extract.time;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/**
 * The dates, date periods and durations of Recognizers-Text's Chinese specs
 * ({@code ../shared/benchmarks/recognizers-zh/datetime.jsonl}), each run with its own
 * reference date. Cases outside our contract are listed, with why, in
 * {@code recognizers-datetime-out-of-scope.tsv}; they still run, for the record invariants.
 *
 * <p>Their values are converted to our conventions: a TIMEX3 range {@code (a,b,P..)} becomes
 * {@code start/end} at the granularity the text names (years, months, halves, quarters, days);
 * {@code XXXX} becomes the reference year, since our implicit years resolve against it; a
 * leading 从/自从 is dropped from the span, as cue words stay outside ours; half a year, which
 * they write {@code P0.5Y}, is {@code P6M} in our contract (the dev gold's 半年). Parser and
 * extractor cases are scored for their own type only; extractor cases for spans only.
 */
class RecognizersDatetimeBenchmarkTest {

    /** The in-scope pass rate reached; the test fails below it. Raise it when the rate rises. */
    static final double PASS_RATE_FLOOR = 1.0;

    /**
     * The pass rate over the issue's literal scope — every case but clock times, date-times
     * and sets, weeks and weekdays, and lunar holidays — which also counts the cases our
     * scope file sets aside for span conventions, relative days and periods counted from
     * the reference. Reported beside the narrow rate so that neither hides the other.
     * Cases whose reason starts {@code contract:} are outside it too: there Recognizers-Text
     * and ANNOTATION.md disagree (cue words such as 以前/之后/起 inside the span, 近三年 as a
     * DATE, 最近 as a day), so no contract-conformant extractor can pass them.
     */
    static final double LITERAL_SCOPE_FLOOR = 0.85;
    private static final List<String> OUTSIDE_LITERAL_SCOPE = List.of(
            "clock times, date-times and sets", "weeks and weekdays", "lunar calendar dates", "contract:");

    private static final Path CASES = Path.of("..", "shared", "benchmarks", "recognizers-zh", "datetime.jsonl");

    private record Item(RecordType type, int begin, int end, String value) {
        @Override
        public String toString() {
            return type + "[" + begin + "," + end + ")" + (value == null ? "" : "=" + value);
        }
    }

    private static final Comparator<Item> ORDER = Comparator
            .comparing((Item i) -> i.type().name()).thenComparingInt(Item::begin).thenComparingInt(Item::end)
            .thenComparing(i -> String.valueOf(i.value()));

    @Test
    void inScopeCasesPassAtLeastTheFloor() throws IOException {
        if (!Files.isRegularFile(CASES)) {
            fail(CASES + " not found: the benchmark needs the shared folder beside the project");
        }
        Map<String, String> outOfScope = outOfScope();
        ObjectMapper json = new ObjectMapper();
        int inScope = 0;
        int passed = 0;
        int literalScope = 0;
        int literalPassed = 0;
        List<String> failures = new ArrayList<>();
        List<String> literalFailures = new ArrayList<>();
        for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
            JsonNode c = json.readTree(line);
            String id = c.get("id").asText();
            LocalDate reference = c.get("reference").isNull() ? null
                    : LocalDate.parse(c.get("reference").asText().substring(0, 10));
            DocumentResult result = TestPipelines.run(c.get("input").asText(), reference);
            String reason = outOfScope.get(id);
            boolean inLiteralScope = reason == null || OUTSIDE_LITERAL_SCOPE.stream().noneMatch(reason::startsWith);
            Set<RecordType> scored = scoredTypes(id);
            boolean spansOnly = id.contains("Extractor");
            Set<Item> expected = new TreeSet<>(ORDER);
            for (JsonNode e : c.get("expected")) {
                expected.add(expectedItem(e, reference, spansOnly));
            }
            Set<Item> actual = new TreeSet<>(ORDER);
            for (Mention m : result.mentions()) {
                if (scored.contains(m.type())) {
                    String value = spansOnly ? null : m.value().get(m.type() == RecordType.DATE ? "timex" : "duration");
                    actual.add(new Item(m.type(), m.span().begin(), m.span().end(), value));
                }
            }
            boolean pass = expected.equals(actual);
            if (inLiteralScope) {
                literalScope++;
                literalPassed += pass ? 1 : 0;
                if (pass && reason != null) {
                    System.out.println("  PASSES though listed out of scope: " + id);
                }
                if (!pass && reason != null) {
                    literalFailures.add(reason.split("[:(]")[0] + " | " + id + " " + c.get("input").asText()
                            + ": expected " + expected + ", got " + actual);
                }
            }
            if (reason != null) {
                continue;
            }
            inScope++;
            if (pass) {
                passed++;
            } else {
                failures.add(id + " " + c.get("input").asText() + ": expected " + expected + ", got " + actual);
            }
        }
        double rate = inScope == 0 ? 0 : (double) passed / inScope;
        double literalRate = literalScope == 0 ? 0 : (double) literalPassed / literalScope;
        System.out.printf("recognizers-zh datetime: %d of %d in-scope cases pass (%.3f); %d out of scope%n",
                passed, inScope, rate, outOfScope.size());
        System.out.printf("recognizers-zh datetime, literal scope (all but clock times, sets, weeks, weekdays, lunar dates, contract conflicts):"
                + " %d of %d pass (%.3f)%n", literalPassed, literalScope, literalRate);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        literalFailures.stream().sorted().forEach(f -> System.out.println("  LITERAL " + f));
        assertTrue(rate + 1e-9 >= PASS_RATE_FLOOR, () -> String.format("pass rate %.3f fell below %.3f", rate, PASS_RATE_FLOOR));
        assertTrue(literalRate + 1e-9 >= LITERAL_SCOPE_FLOOR,
                () -> String.format("literal-scope pass rate %.3f fell below %.3f", literalRate, LITERAL_SCOPE_FLOOR));
    }

    private static Set<RecordType> scoredTypes(String id) {
        if (id.startsWith("DateTimeModel")) {
            return Set.of(RecordType.DATE, RecordType.DURATION);
        }
        return id.startsWith("Duration") ? Set.of(RecordType.DURATION) : Set.of(RecordType.DATE);
    }

    private static Item expectedItem(JsonNode e, LocalDate reference, boolean spansOnly) {
        String type = e.get("type").asText();
        RecordType ours = type.endsWith("duration") ? RecordType.DURATION : RecordType.DATE;
        String text = e.get("text").asText();
        int begin = e.get("start").asInt();
        for (String cue : List.of("自从", "从")) {
            if (text.startsWith(cue)) {
                begin += cue.length();
                text = text.substring(cue.length());
                break;
            }
        }
        String value = spansOnly ? null : ourValue(timexOf(e.get("resolution")), text, ours, reference);
        return new Item(ours, begin, e.get("end").asInt(), value);
    }

    private static String timexOf(JsonNode resolution) {
        if (resolution.has("Timex")) {
            return resolution.get("Timex").asText();
        }
        return resolution.get("values").get(0).get("timex").asText();
    }

    /** Recognizers-Text's TIMEX3 value in our notation (see the class comment). */
    static String ourValue(String timex, String text, RecordType type, LocalDate reference) {
        if (type == RecordType.DURATION) {
            return timex.equals("P0.5Y") ? "P6M" : timex;
        }
        String value = timex;
        if (timex.startsWith("(")) {
            String[] parts = timex.substring(1, timex.indexOf(')')).split(",");
            String a = parts[0];
            String b = parts[1];
            String period = parts[2];
            if (text.contains("半年")) {
                value = a.substring(0, 4) + (a.substring(5, 7).equals("01") ? "-H1" : "-H2");
            } else if (text.contains("季度")) {
                value = a.substring(0, 4) + "-Q" + ((Integer.parseInt(a.substring(5, 7)) - 1) / 3 + 1);
            } else if (text.contains("年代") && period.equals("P10Y")) {
                // A decade: their end is exclusive (1990 to 2000), ours the last year named (1999).
                value = a.substring(0, 4) + "/" + a.substring(0, 3) + "9";
            } else if (period.matches("P\\d+Y") && a.endsWith("-01-01") && b.endsWith("-01-01")) {
                value = a.substring(0, 4) + "/" + b.substring(0, 4);
            } else if (period.matches("P\\d+M") && a.endsWith("-01") && b.endsWith("-01")) {
                value = a.substring(0, 7) + "/" + b.substring(0, 7);
            } else {
                value = a + "/" + b;
            }
        }
        return reference == null ? value : value.replace("XXXX", String.format("%04d", reference.getYear()));
    }

    /** Case id → the reason it is set aside. */
    private Map<String, String> outOfScope() throws IOException {
        Map<String, String> reasons = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("recognizers-datetime-out-of-scope.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 3);
                    reasons.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
        }
        return reasons;
    }
}
