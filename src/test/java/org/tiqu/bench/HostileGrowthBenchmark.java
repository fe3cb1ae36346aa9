package org.tiqu.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tiqu.document.Document;
import org.tiqu.document.SentenceSplitter;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.time.DateExtractor;
import org.tiqu.extract.time.TimeReferenceInference;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Candidate;
import org.tiqu.resolve.OverlapResolver;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.CodePointText;
import org.tiqu.text.MatchView;

/**
 * How each stage's time grows on a run of one repeated piece of text ({@code 亿} a million
 * times, digits, {@code %}, {@code 百分之}, {@code 万}, {@code 年}, {@code ，}): the input is
 * doubled until a million repetitions (or until a stage takes longer than the cap), and each
 * stage's thread CPU time is printed with its growth over the previous size. Linear stages
 * grow about 2x per doubling; 4x is quadratic. Run on demand, never in {@code mvn test}:
 *
 * <pre>
 * mvn -q test-compile exec:exec@growth [-Dgrowth.args="亿 1 % 百分之 万 年 ， --max 1000000 --cap 20"]
 * </pre>
 *
 * Stages run without a time budget here, so that the growth itself is seen;
 * {@code HostileInputTest} runs the same inputs through the batch, with budgets, in CI.
 */
public final class HostileGrowthBenchmark {

    /** The pieces of {@code HostileInputTest}. */
    static final List<String> PIECES = List.of("亿", "1", "%", "百分之", "万", "年", "，");

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HostileGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> pieces = new ArrayList<>();
        int max = 1_000_000;
        int start = 15_625;
        double capSeconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--max" -> max = Integer.parseInt(args[++i]);
                case "--start" -> start = Integer.parseInt(args[++i]);
                case "--cap" -> capSeconds = Double.parseDouble(args[++i]);
                default -> pieces.add(args[i]);
            }
        }
        if (pieces.isEmpty()) {
            pieces = PIECES;
        }
        Pipeline pipeline = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
        // Warm the JIT on ordinary text and on each piece at a small size.
        for (int i = 0; i < 3; i++) {
            for (String piece : pieces) {
                stages(pipeline, piece.repeat(2_000));
            }
        }
        System.out.printf("thread CPU ms per stage; (xN) = growth over the previous size (2 = linear, 4 = quadratic)%n");
        for (String piece : pieces) {
            System.out.printf("%n== '%s' repeated ==%n", printable(piece));
            Map<String, Long> previous = null;
            for (int n = start; n <= max; n *= 2) {
                Map<String, Long> times = stages(pipeline, piece.repeat(n));
                StringBuilder line = new StringBuilder(String.format("%9d:", n));
                long worst = 0;
                for (Map.Entry<String, Long> e : times.entrySet()) {
                    long ms = e.getValue() / 1_000_000;
                    worst = Math.max(worst, e.getValue());
                    line.append(String.format(" %s %d", e.getKey(), ms));
                    if (previous != null && previous.get(e.getKey()) != null && previous.get(e.getKey()) > 5_000_000) {
                        line.append(String.format(" (x%.1f)", (double) e.getValue() / previous.get(e.getKey())));
                    }
                    line.append(';');
                }
                System.out.println(line);
                previous = times;
                if (worst > capSeconds * 1e9) {
                    System.out.printf("  stopped: a stage took over %.0f s%n", capSeconds);
                    break;
                }
                if (n < max && n * 2 > max) {
                    n = max / 2; // end on max exactly
                }
            }
        }
    }

    private static String printable(String piece) {
        return piece.replace("\n", "\\n");
    }

    /** Each stage once on {@code text}, in thread CPU nanoseconds, in pipeline order. */
    static Map<String, Long> stages(Pipeline pipeline, String text) throws Exception {
        Map<String, Long> nanos = new LinkedHashMap<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SourceText source = time(nanos, "decode", () -> decode(bytes));
        time(nanos, "view", () -> MatchView.of(text));
        time(nanos, "sentences", () -> new SentenceSplitter().split(new CodePointText(text)));
        DateExtractor dates = null;
        for (Extractor e : pipeline.extractors()) {
            if (e instanceof DateExtractor d) {
                dates = d;
            }
        }
        if (dates != null) {
            TimeReferenceInference inference = new TimeReferenceInference(dates);
            Document fresh = new Document(source, HanlpSegmenter.plain(), null);
            time(nanos, "reference", () -> inference.infer(fresh));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Extractor extractor : pipeline.extractors()) {
            // A fresh document each: no stage profits from another's memo.
            Document fresh = new Document(source, HanlpSegmenter.plain(), null);
            candidates.addAll(time(nanos, extractor.name(), () -> extractor.extract(fresh)));
        }
        OverlapResolver resolver = new OverlapResolver();
        time(nanos, "resolve", () -> resolver.resolve(candidates));
        DocumentResult result;
        try {
            result = pipeline.process(source, null);
        } catch (StackOverflowError e) {
            return nanos; // reported by the stage that overflowed
        }
        if (pipeline.linker() != null) {
            Document fresh = new Document(source, HanlpSegmenter.plain(), null);
            time(nanos, "link", () -> pipeline.linker().link(fresh, result.mentions()));
        }
        time(nanos, "jsonl", () -> {
            try {
                RecordJson.writeLines(result.records(), OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return nanos;
    }

    private static SourceText decode(byte[] bytes) {
        try {
            return new SourceReader().decode("hostile", Path.of("hostile.txt"), bytes);
        } catch (org.tiqu.source.SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step's result, its time added to {@code nanos}; a stack overflow is reported and counts as an empty result. */
    @SuppressWarnings("unchecked")
    private static <T> T time(Map<String, Long> nanos, String stage, Supplier<T> step) {
        long t = CPU.getCurrentThreadCpuTime();
        T result;
        try {
            result = step.get();
        } catch (StackOverflowError e) {
            System.out.println("  " + stage + ": stack overflow");
            result = (T) List.of();
        }
        nanos.merge(stage, CPU.getCurrentThreadCpuTime() - t, Long::sum);
        return result;
    }
}
