package org.tiqu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.tiqu.document.Document;
import org.tiqu.document.Segmenter;
import org.tiqu.document.Term;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.extract.org.OrgExtractor;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RulesLoader;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;

/**
 * What the ORG extractor costs on one thread, segmentation it triggers and HanLP's recogniser
 * included: each round builds fresh documents (no words segmented yet) and times only
 * {@code OrgExtractor.extract}, in thread CPU time (the machine is shared). Also counts how many characters each segmenter was given.
 * Run on demand, never part of {@code mvn test}:
 * {@code java -cp target/classes:target/test-classes:<deps> org.tiqu.bench.OrgCostBenchmark [rounds] [folders...]}
 * (default folders: {@code seeds} and {@code /tmp/cn/in}).
 */
public final class OrgCostBenchmark {

    private static final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    /** A segmenter that counts the characters it is given. */
    private static final class Counting implements Segmenter {
        final Segmenter inner;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong chars = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        final java.util.Set<String> distinct = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Counting(Segmenter inner) {
            this.inner = inner;
        }

        @Override
        public List<Term> segment(String text) {
            calls.incrementAndGet();
            distinct.add(text);
            chars.addAndGet(text.codePointCount(0, text.length()));
            long t0 = cpu.getCurrentThreadCpuTime();
            List<Term> words = inner.segment(text);
            nanos.addAndGet(cpu.getCurrentThreadCpuTime() - t0);
            return words;
        }

        void reset() {
            calls.set(0);
            chars.set(0);
            nanos.set(0);
            distinct.clear();
        }
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            folders.add(Path.of(args[i]));
        }
        if (folders.isEmpty()) {
            folders = List.of(Path.of("seeds"), Path.of("/tmp/cn/in"));
        }
        List<SourceText> sources = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    sources.add(new SourceText(p.getFileName().toString(), p, Files.readString(p, StandardCharsets.UTF_8),
                            SourceReader.UTF_8, "", false));
                }
            }
        }
        long corpusChars = sources.stream().mapToLong(s -> s.text().codePointCount(0, s.text().length())).sum();
        RuleBook book = new RulesLoader().load(Path.of("rules"));
        Counting plain = new Counting(HanlpSegmenter.plain());
        Counting recogniser = new Counting(HanlpSegmenter.withNames());
        OrgExtractor org = new OrgExtractor(book, recogniser);

        // The whole text once through plain segmentation: the yardstick the issue compares against.
        long referenceNanos = Long.MAX_VALUE;
        long[] orgNanos = new long[rounds];
        long records = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (SourceText s : sources) {
                plain.inner.segment(s.text());
            }
            referenceNanos = Math.min(referenceNanos, cpu.getCurrentThreadCpuTime() - t0);

            plain.reset();
            recogniser.reset();
            List<Document> documents = sources.stream().map(s -> new Document(s, plain, null)).toList();
            records = 0;
            long t1 = cpu.getCurrentThreadCpuTime();
            for (Document d : documents) {
                records += org.extract(d).size();
            }
            orgNanos[round] = cpu.getCurrentThreadCpuTime() - t1;
            System.out.printf("round %d: org %.0f ms, %d candidates; plain segmenter %d calls (%d distinct texts) %d chars %.0f ms;"
                            + " recogniser %d calls (%d distinct) %d chars %.0f ms%n",
                    round, orgNanos[round] / 1e6, records, plain.calls.get(), plain.distinct.size(), plain.chars.get(),
                    plain.nanos.get() / 1e6, recogniser.calls.get(), recogniser.distinct.size(), recogniser.chars.get(),
                    recogniser.nanos.get() / 1e6);
        }
        long[] sorted = orgNanos.clone();
        Arrays.sort(sorted);
        long median = sorted[rounds / 2];
        System.out.printf("%d documents, %d characters; whole-text plain segmentation (best) %.0f ms;"
                        + " ORG median %.0f ms, best %.0f ms = %.2f x plain segmentation (best to best)%n",
                sources.size(), corpusChars, referenceNanos / 1e6, median / 1e6, sorted[0] / 1e6,
                (double) sorted[0] / referenceNanos);
    }
}
