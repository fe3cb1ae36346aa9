package org.tiqu.bench;

import java.io.IOException;
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
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Candidate;
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

    @Setup
    public void setUp() throws IOException {
        Path seed = Files.list(Path.of("seeds")).sorted().findFirst().orElseThrow();
        text = Files.readString(seed, StandardCharsets.UTF_8);
        pipeline = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
        SourceText source = new SourceText("seed", seed, text, SourceReader.UTF_8, "", false);
        document = pipeline.document(source, null);
    }

    @Benchmark
    public MatchView matchView() {
        return MatchView.of(text);
    }

    /** Every extractor's rule matching over one document (words already segmented). */
    @Benchmark
    public int ruleMatching() {
        int n = 0;
        for (Extractor extractor : pipeline.extractors()) {
            List<Candidate> found = extractor.extract(document);
            n += found.size();
        }
        return n;
    }
}
