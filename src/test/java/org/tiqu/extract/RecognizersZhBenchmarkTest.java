package org.tiqu.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.tiqu.extract.number.NumberFinder;
import org.tiqu.record.Mention;
import org.tiqu.record.Record;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.testing.TestPipelines;

/**
 * The Recognizers-Text Chinese specs ({@code ../shared/benchmarks/recognizers-zh/}) for
 * numbers, percentages, currency and dimensions: for every case in scope, our spans and
 * values must equal the expected ones exactly (all of them, and nothing more). Cases out
 * of scope are listed with their reason in {@code recognizers-out-of-scope.tsv}; the pass
 * rate of each file may not fall below its floor in {@code recognizers-floors.properties}.
 *
 * <p>number.jsonl holds bare numerals, not a record type of ours, so it tests
 * {@link NumberFinder} directly; the other files run the standard pipeline.
 */
class RecognizersZhBenchmarkTest {

    private static final Path DIR = Path.of("..", "shared", "benchmarks", "recognizers-zh");
    private static final List<String> FILES = List.of("number", "percent", "currency", "dimension");
    private static final MathContext PRECISION = new MathContext(12);

    /** Recognizers-Text unit names → the contract's unit symbols. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("Mu", "mu"), Map.entry("Kilogram", "kg"), Map.entry("Centimeter", "cm"), Map.entry("Ton", "t"),
            Map.entry("Meter", "m"), Map.entry("Kilometer", "km"), Map.entry("Gram", "g"), Map.entry("Jin", "jin"),
            Map.entry("Kilowatt", "kW"), Map.entry("Hertz", "Hz"), Map.entry("Kilocalorie", "kcal"),
            Map.entry("Microgram", "μg"));

    /** One expected or produced item, compared as text: span and normalised value. */
    private record Item(int begin, int end, String value) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final NumberFinder finder = new NumberFinder(TestPipelines.standard().rules());

    @Test
    void passRatesStayAboveTheirFloors() throws IOException {
        Map<String, String> outOfScope = outOfScope();
        Properties floors = load("recognizers-floors.properties");
        List<String> below = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-10s %8s %7s %7s %12s%n", "file", "in scope", "passed", "rate", "out of scope"));
        StringBuilder failures = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String file : FILES) {
            int inScope = 0;
            int passed = 0;
            int skipped = 0;
            int shown = 0;
            for (String line : Files.readAllLines(DIR.resolve(file + ".jsonl"), StandardCharsets.UTF_8)) {
                JsonNode c = json.readTree(line);
                String key = file + "\t" + c.get("id").asText();
                seen.add(key);
                if (outOfScope.containsKey(key)) {
                    skipped++;
                    continue;
                }
                inScope++;
                String input = c.get("input").asText();
                List<Item> expected = expected(file, c.get("expected"));
                List<Item> actual = actual(file, input);
                if (expected.equals(actual)) {
                    passed++;
                } else if (shown++ < 12) {
                    failures.append(String.format("  %s %s %s: expected %s, got %s%n", file, c.get("id").asText(), input,
                            expected, actual));
                }
            }
            double rate = inScope == 0 ? 1.0 : (double) passed / inScope;
            table.append(String.format("%-10s %8d %7d %7.3f %12d%n", file, inScope, passed, rate, skipped));
            double floor = Double.parseDouble(floors.getProperty(file, "1.0"));
            if (rate + 1e-9 < floor) {
                below.add(file + " " + String.format("%.3f", rate) + " < floor " + floor);
            }
        }
        System.out.println("Recognizers-Text zh benchmark\n" + table + "first failures:\n" + failures);
        Set<String> unknown = new HashSet<>(outOfScope.keySet());
        unknown.removeAll(seen);
        assertTrue(unknown.isEmpty(), () -> "out-of-scope ids not in the benchmark: " + unknown);
        assertTrue(below.isEmpty(), () -> "pass rates fell: " + below + "\n" + table);
    }

    private List<Item> expected(String file, JsonNode items) {
        List<Item> out = new ArrayList<>();
        for (JsonNode e : items) {
            JsonNode r = e.get("resolution");
            String value = switch (file) {
                case "number" -> decimal(r.get("value").asText());
                case "percent" -> decimal(r.get("value").asText().replace("%", ""));
                case "currency" -> decimal(r.get("value").asText()) + " " + r.path("isoCurrency").asText("?");
                default -> decimal(r.get("value").asText()) + " " + UNITS.getOrDefault(r.get("unit").asText(), "?" + r.get("unit").asText());
            };
            out.add(new Item(e.get("start").asInt(), e.get("end").asInt(), value));
        }
        return out;
    }

    private List<Item> actual(String file, String input) {
        if (file.equals("number")) {
            return finder.find(input).stream()
                    .map(f -> new Item(f.span().begin(), f.span().end(), decimal(f.value().toPlainString()))).toList();
        }
        List<Record> records = TestPipelines.run(input).records();
        return switch (file) {
            case "percent" -> items(records, RecordType.PERCENT, RecognizersZhBenchmarkTest::asPercent);
            case "currency" -> items(records, RecordType.MONEY, v -> decimal(v.get("amount")) + " " + v.get("currency"));
            default -> items(records.stream().filter(r -> r.type() == RecordType.QUANTITY && r instanceof Mention m && UNITS.containsValue(m.value().get("unit"))).toList(),
                    RecordType.QUANTITY, v -> decimal(v.get("amount")) + " " + v.get("unit"));
        };
    }

    private static List<Item> items(List<Record> records, RecordType type, Function<Value, String> value) {
        return records.stream().filter(r -> r.type() == type)
                .map(r -> new Item(r.span().begin(), r.span().end(), value.apply(((Mention) r).value()))).toList();
    }

    /** Our PERCENT value as upstream writes it: a percentage (points count as percent, 1/3 as 33.3…). */
    private static String asPercent(Value v) {
        if (v.has("fraction")) {
            String[] parts = v.get("fraction").split("/");
            return decimal(new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(parts[1]), PRECISION).toPlainString());
        }
        if (v.has("times")) {
            return decimal(new BigDecimal(v.get("times")).multiply(BigDecimal.valueOf(100)).toPlainString());
        }
        return decimal(v.has("percent") ? v.get("percent") : v.get("points"));
    }

    /** A number in one canonical form: 12 significant digits, no trailing zeros, no exponent. */
    private static String decimal(String s) {
        return new BigDecimal(s).round(PRECISION).stripTrailingZeros().toPlainString();
    }

    private Map<String, String> outOfScope() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("recognizers-out-of-scope.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3 || f[2].isBlank()) {
                    throw new IllegalStateException("out-of-scope lines are file<TAB>id<TAB>reason: " + line);
                }
                out.put(f[0] + "\t" + f[1], f[2]);
            }
        }
        return out;
    }

    private Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
