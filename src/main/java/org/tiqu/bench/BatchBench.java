package org.tiqu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.batch.BatchSummary;
import org.tiqu.batch.InputFiles;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;

/**
 * The batch against the pipeline in one run (issue 19): the real {@link BatchRunner} over a
 * folder into a temporary output folder, first, with the JIT as cold as a {@code tiqu extract}
 * finds it; then the in-memory pipeline on the same documents, warmed up, on the same number of
 * threads. Both are characters (code points) per second; the ratio is what the machinery around
 * extraction leaves of the pipeline's speed. Comparing within one run keeps the ratio meaningful
 * on a shared, loaded machine where absolute figures drift from minute to minute.
 */
public final class BatchBench {

    /** What one measure gives. */
    public record Figures(int documents, long chars, double batchSeconds, double batchCharsPerSecond,
                          double pipelineCharsPerSecond, double batchCharsPerCpuSecond, double pipelineCharsPerCpuSecond,
                          long peakRssKb, BatchSummary summary) {
        public double ratio() {
            return batchCharsPerSecond / pipelineCharsPerSecond;
        }
    }

    /**
     * The in-memory measure holds its documents as bytes and text: a sample of at most this
     * many bytes keeps it within the default heap however large the folder (a ×70 folder is 95 MB).
     */
    private static final long PIPELINE_SAMPLE_BYTES = 16L << 20;

    private final Pipeline pipeline;
    private final int threads;

    public BatchBench(Pipeline pipeline, int threads) {
        this.pipeline = pipeline;
        this.threads = threads;
    }

    public Figures measure(Path folder, int warmup, int maxWarmup, int repeat, PrintStream log) throws Exception {
        List<Path> files = InputFiles.expand(List.of(folder));
        long chars = countChars(files);
        Path out = Files.createTempDirectory("tiqu-bench-batch");
        BatchSummary summary;
        long nanos;
        long batchCpu;
        try {
            BatchOptions options = BatchOptions.defaults().withThreads(threads);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            summary = new BatchRunner(pipeline, out, new PrintStream(PrintStream.nullOutputStream()), options)
                    .run(List.of(folder));
            nanos = System.nanoTime() - start;
            batchCpu = processCpuNanos() - cpuStart;
        } finally {
            deleteTree(out);
        }
        long rss = peakRssKb();
        log.printf("batch: %s in %.1f s%n", summary, nanos / 1e9);

        List<BenchInput> sample = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            if (bytes >= PIPELINE_SAMPLE_BYTES) {
                break;
            }
            byte[] b = Files.readAllBytes(f);
            bytes += b.length;
            sample.add(new BenchInput(f.toString(), b));
        }
        Bench bench = new Bench(pipeline, sample);
        int passes = bench.warmUp(warmup, Math.max(warmup, maxWarmup));
        log.printf("pipeline: %d documents in memory, %d characters; warm-up %d passes%n",
                bench.documents(), bench.chars(), passes);
        long cpuStart = processCpuNanos();
        Bench.Stage parallel = bench.parallel(threads, repeat);
        long pipelineCpu = processCpuNanos() - cpuStart;
        return new Figures(files.size(), chars, nanos / 1e9, chars * 1e9 / nanos, parallel.charsPerSecond(),
                chars * 1e9 / batchCpu, (double) bench.chars() * repeat * 1e9 / pipelineCpu, rss, summary);
    }

    public static void print(Figures f, int threads, PrintStream out) {
        out.printf("%d files, %d characters%n", f.documents(), f.chars());
        out.printf("%-44s %14s %8s%n", "measure", "chars/s", "ratio");
        out.printf("%-44s %14.0f %8.2f%n", "tiqu extract, end to end (" + threads + " threads, cold JIT)",
                f.batchCharsPerSecond(), f.ratio());
        out.printf("%-44s %14.0f %8.2f%n", "pipeline in memory (" + threads + " threads, warm)", f.pipelineCharsPerSecond(), 1.0);
        // On a shared machine wall time depends on the neighbours; CPU time (all threads, JIT and GC
        // included) much less so.
        out.printf("per CPU second (process, JIT and GC included): extract %.0f, pipeline %.0f chars: ratio %.2f%n",
                f.batchCharsPerCpuSecond(), f.pipelineCharsPerCpuSecond(),
                f.batchCharsPerCpuSecond() / f.pipelineCharsPerCpuSecond());
        if (f.peakRssKb() > 0) {
            out.printf("peak RSS after the batch: %d MB%n", f.peakRssKb() / 1024);
        }
    }

    /** Characters as the batch counts them: code points of each decoded source. */
    private static long countChars(List<Path> files) throws IOException {
        SourceReader reader = new SourceReader();
        long chars = 0;
        for (Path f : files) {
            try {
                String text = reader.decode(f.toString(), f, Files.readAllBytes(f)).text();
                chars += text.codePointCount(0, text.length());
            } catch (SourceException e) {
                // failed in the batch too: no characters extracted
            }
        }
        return chars;
    }

    /** CPU time of the whole process, all threads, or 0 where the platform does not tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** The process's peak resident set (VmHWM), or 0 where /proc does not tell. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
