package org.tiqu.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.tiqu.document.Document;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.extract.number.NumberParser;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Candidate;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.MatchView;

/**
 * Micro-benchmarks of the inner loops, over the first seed. Run on demand with
 * {@code mvn test-compile exec:exec@jmh}; never part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmark {

    private String text;
    private Pipeline pipeline;
    private Document document;
    private RuleMatcher allRules;
    private static final List<String> NUMERALS = List.of("214.35", "10.65", "1,234,567.8", "3000万", "1.5亿",
            "二十三", "三千五百万", "十二", "两千零四", "一百二十三点四五", "35万", "0.7");

    @Setup
    public void setUp() throws IOException {
        Path seed = Files.list(Path.of("seeds")).sorted().findFirst().orElseThrow();
        text = Files.readString(seed, StandardCharsets.UTF_8);
        pipeline = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
        SourceText source = new SourceText("seed", seed, text, SourceReader.UTF_8, "", false);
        document = pipeline.document(source, null);
        allRules = new RuleMatcher(pipeline.rules().allRules());
    }

    @Benchmark
    public MatchView matchView() {
        return MatchView.of(text);
    }

    /** Every rule of the rule book over one document: the start scan and the regex attempts. */
    @Benchmark
    public int ruleMatching() {
        RuleMatcher.Scan scan = allRules.scan(document);
        int[] n = {0};
        for (Rule rule : pipeline.rules().allRules()) {
            scan.forEachMatch(rule, m -> n[0]++);
        }
        return n[0];
    }

    /** The numerals of a press release, Arabic and Chinese, to exact values. */
    @Benchmark
    public BigDecimal numberParser() {
        BigDecimal sum = BigDecimal.ZERO;
        for (String numeral : NUMERALS) {
            sum = sum.add(NumberParser.parse(numeral));
        }
        return sum;
    }

    /** Every extractor over one document (words already segmented, date findings memoised). */
    @Benchmark
    public int extractors() {
        int n = 0;
        for (Extractor extractor : pipeline.extractors()) {
            List<Candidate> found = extractor.extract(document);
            n += found.size();
        }
        return n;
    }
}
