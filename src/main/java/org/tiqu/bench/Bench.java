package org.tiqu.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.tiqu.document.Document;
import org.tiqu.document.Segmenter;
import org.tiqu.document.Term;
import org.tiqu.document.SentenceSplitter;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.extract.Extractor;
import org.tiqu.output.RecordJson;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Candidate;
import org.tiqu.resolve.OverlapResolver;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.CodePointText;
import org.tiqu.text.MatchView;

/**
 * Measures the pipeline's speed, stage by stage, against HanLP's plain Viterbi
 * segmentation of the same text in the same run. Every figure is characters (code
 * points) per second over the whole input, after a warm-up.
 *
 * <p>One-thread figures (the stages, the whole pipeline on one thread, the reference) count the
 * measuring thread's CPU time, so that other work on the machine does not slow them; the
 * figure on several threads counts wall time, since it measures how they share the cores.
 * On a quiet machine the two agree.
 */
public final class Bench {

    private static final java.lang.management.ThreadMXBean THREAD_TIMES = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final List<java.lang.management.GarbageCollectorMXBean> COLLECTORS =
            java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();

    /**
     * The current thread's CPU time in nanoseconds plus the collectors' pause time (their work
     * runs on threads of their own, but the allocations that cause it are the measured code's);
     * wall time where the JVM cannot tell a thread's CPU time.
     */
    private static long cpuNow() {
        if (!THREAD_TIMES.isCurrentThreadCpuTimeSupported()) {
            return System.nanoTime();
        }
        long collecting = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : COLLECTORS) {
            collecting += Math.max(0, collector.getCollectionTime());
        }
        return THREAD_TIMES.getCurrentThreadCpuTime() + collecting * 1_000_000;
    }

    /** One line of the report. */
    public record Stage(String name, long nanos, long chars) {
        public double charsPerSecond() {
            return nanos == 0 ? Double.POSITIVE_INFINITY : chars * 1e9 / nanos;
        }
    }

    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final Pipeline pipeline;
    private final List<SourceText> sources = new ArrayList<>();
    private final List<BenchInput> inputs;
    private final long chars;
    private final HanlpSegmenter reference = HanlpSegmenter.plain();
    /** The pipeline's own segmenter, timed in the stage table. */
    private final Segmenter segmenter = HanlpSegmenter.plain();

    /** A segmenter that counts the time and the characters it is given. One thread only. */
    private static final class TimedSegmenter implements Segmenter {
        private final Segmenter inner;
        long nanos;
        long chars;

        TimedSegmenter(Segmenter inner) {
            this.inner = inner;
        }

        @Override
        public List<Term> segment(String text) {
            long t = cpuNow();
            List<Term> terms = inner.segment(text);
            nanos += cpuNow() - t;
            chars += text.codePointCount(0, text.length());
            return terms;
        }

        /** The linker looks places up in the dictionary: as in the pipeline, not "none". */
        @Override
        public boolean isPlaceName(String word) {
            return inner.isPlaceName(word);
        }

        @Override
        public boolean isCoreWord(String word) {
            return inner.isCoreWord(word);
        }

        /** The linker's dictionary answers, as in the pipeline. */
        @Override
        public boolean mayStartWordTagged(String text, int at, int to, String... tags) {
            return inner.mayStartWordTagged(text, at, to, tags);
        }

        @Override
        public boolean surelyOneCharWord(String text, int from, int to, int at) {
            return inner.surelyOneCharWord(text, from, to, at);
        }
    }

    public Bench(Pipeline pipeline, List<BenchInput> inputs) {
        this.pipeline = pipeline;
        this.inputs = inputs;
        SourceReader reader = new SourceReader();
        long total = 0;
        for (BenchInput in : inputs) {
            try {
                SourceText s = reader.decode(in.id(), Path.of(in.id()), in.bytes());
                sources.add(s);
                total += s.text().codePointCount(0, s.text().length());
            } catch (SourceException e) {
                // A file the batch would skip is not part of the measure either.
            }
        }
        this.chars = total;
    }

    public long chars() {
        return chars;
    }

    public int documents() {
        return sources.size();
    }

    /**
     * Runs everything without measuring, so that the JIT has compiled the hot paths: at least
     * {@code rounds} passes, then more until a pass leaves the JIT compiling for under 2% of
     * its time (at most {@code maxRounds} passes in all). Why: the regex and HanLP code paths
     * keep the compiler threads busy for many passes, and on a 2-core machine those threads
     * take a core from whatever is measured next (the two-thread figure most of all).
     *
     * @return the passes run
     */
    public int warmUp(int rounds, int maxRounds) throws IOException {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean canTell = jit != null && jit.isCompilationTimeMonitoringSupported();
        int passes = 0;
        while (true) {
            long compiledBefore = canTell ? jit.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            wholePipeline();
            referenceSegmentation();
            passes++;
            long passMillis = (System.nanoTime() - start) / 1_000_000;
            boolean settled = !canTell || (jit.getTotalCompilationTime() - compiledBefore) * 50 < passMillis;
            if (passes >= rounds && (settled || passes >= maxRounds)) {
                return passes;
            }
        }
    }

    /**
     * The stage table: each stage alone, then the whole pipeline, then the reference, and the
     * whole pipeline on {@code threads} threads when more than one; repeated {@code repeat}
     * times, interleaved, so that no figure gets a warmer JIT than another.
     */
    public List<Stage> measure(int repeat, int threads) throws Exception {
        Map<String, Long> nanos = new LinkedHashMap<>();
        String parallelName = "whole pipeline (" + threads + " threads)";
        for (int r = 0; r < repeat; r++) {
            stages(nanos);
            add(nanos, "whole pipeline (1 thread)", wholePipeline());
            add(nanos, "HanLP plain segmentation (reference)", referenceSegmentation());
            if (threads > 1) {
                add(nanos, parallelName, parallel(threads, 1).nanos());
            }
        }
        List<Stage> out = new ArrayList<>();
        nanos.forEach((name, n) -> out.add(new Stage(name, n, chars * repeat)));
        return out;
    }

    /** The whole pipeline's speed on {@code threads} threads sharing one pipeline. */
    public Stage parallel(int threads, int repeat) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        SourceReader reader = new SourceReader();
                        for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                            runOne(reader, inputs.get(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            return new Stage("whole pipeline (" + threads + " threads)", System.nanoTime() - start, chars * repeat);
        } finally {
            pool.shutdownNow();
        }
    }

    private void stages(Map<String, Long> nanos) throws IOException {
        SourceReader reader = new SourceReader();
        long t = cpuNow();
        for (BenchInput in : inputs) {
            try {
                reader.decode(in.id(), Path.of(in.id()), in.bytes());
            } catch (SourceException e) {
                // skipped, as in a batch
            }
        }
        add(nanos, "decode", cpuNow() - t);

        t = cpuNow();
        for (SourceText s : sources) {
            MatchView.of(s.text());
        }
        add(nanos, "match view", cpuNow() - t);

        t = cpuNow();
        for (SourceText s : sources) {
            new SentenceSplitter().split(new CodePointText(s.text()));
        }
        add(nanos, "sentences", cpuNow() - t);

        // Words are segmented when an extractor first asks for a sentence's, and only for the
        // sentences asked for; the extractor asking pays. A timing segmenter says how much of
        // that is HanLP's, on how much of the text.
        TimedSegmenter timed = new TimedSegmenter(segmenter);
        List<Document> documents = new ArrayList<>();
        for (SourceText s : sources) {
            documents.add(new Document(s, timed, null));
        }
        List<List<Candidate>> candidates = new ArrayList<>();
        documents.forEach(d -> candidates.add(new ArrayList<>()));
        for (Extractor extractor : pipeline.extractors()) {
            t = cpuNow();
            for (int i = 0; i < documents.size(); i++) {
                candidates.get(i).addAll(extractor.extract(documents.get(i)));
            }
            add(nanos, "extract " + extractor.name(), cpuNow() - t);
        }

        add(nanos, String.format("  of which segmentation (%.0f%% of text)", 100.0 * timed.chars / chars), timed.nanos);

        // The ORG tagger's own speed: every sentence tagged once (inside "extract org" too).
        for (Extractor extractor : pipeline.extractors()) {
            if (extractor instanceof org.tiqu.extract.org.OrgExtractor org && org.tagger() != null) {
                t = cpuNow();
                for (Document d : documents) {
                    for (org.tiqu.document.Sentence sentence : d.sentences()) {
                        int[] cps = d.slice(sentence.span()).codePoints().toArray();
                        org.tagger().tag(cps, cps.length);
                    }
                }
                add(nanos, "  ORG tagger alone (every sentence)", cpuNow() - t);
            }
        }

        OverlapResolver resolver = new OverlapResolver();
        t = cpuNow();
        for (List<Candidate> c : candidates) {
            resolver.resolve(c);
        }
        add(nanos, "resolve", cpuNow() - t);

        // The linker and the writer each need a document's final mentions: one full run gives both.
        List<DocumentResult> results = new ArrayList<>();
        for (SourceText s : sources) {
            results.add(pipeline.process(s, null));
        }
        if (pipeline.linker() != null) {
            t = cpuNow();
            for (int i = 0; i < documents.size(); i++) {
                pipeline.linker().link(documents.get(i), results.get(i).mentions());
            }
            add(nanos, "link metrics", cpuNow() - t);
        }

        t = cpuNow();
        for (DocumentResult r : results) {
            RecordJson.writeLines(r.records(), DISCARD);
        }
        add(nanos, "write JSONL", cpuNow() - t);
    }

    private long wholePipeline() throws IOException {
        SourceReader reader = new SourceReader();
        long t = cpuNow();
        for (BenchInput in : inputs) {
            runOne(reader, in);
        }
        return cpuNow() - t;
    }

    private void runOne(SourceReader reader, BenchInput in) throws IOException {
        SourceText s;
        try {
            s = reader.decode(in.id(), Path.of(in.id()), in.bytes());
        } catch (SourceException e) {
            return;
        }
        RecordJson.writeLines(pipeline.process(s, null).records(), DISCARD);
    }

    private long referenceSegmentation() {
        long t = cpuNow();
        for (SourceText s : sources) {
            reference.referenceSegment(s.text());
        }
        return cpuNow() - t;
    }

    private static void add(Map<String, Long> nanos, String stage, long n) {
        nanos.merge(stage, n, Long::sum);
    }

    public static void print(List<Stage> stages, PrintStream out) {
        double referenceSpeed = stages.stream().filter(s -> s.name().startsWith("HanLP"))
                .mapToDouble(Stage::charsPerSecond).findFirst().orElse(Double.NaN);
        out.printf("%-40s %14s %10s%n", "stage", "chars/s", "vs HanLP");
        for (Stage s : stages) {
            out.printf("%-40s %14.0f %9.2fx%n", s.name(), s.charsPerSecond(), s.charsPerSecond() / referenceSpeed);
        }
    }
}
