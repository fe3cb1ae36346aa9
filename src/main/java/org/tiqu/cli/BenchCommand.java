package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.tiqu.bench.BatchBench;
import org.tiqu.bench.Bench;
import org.tiqu.bench.BenchInput;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.rules.RulesLoader;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline's speed, stage by stage, in characters per second.",
                "After a warm-up that lasts until the JIT has settled, times decoding, match view, "
                        + "sentences, each extractor (with the segmentation it asks for, shown on its own "
                        + "line), the resolver, the linker and JSONL writing, then the whole pipeline on one "
                        + "thread (and on --threads N), and, on the same text in the same run, HanLP's plain "
                        + "Viterbi segmentation as the reference, with each figure's ratio to it.",
                "One-thread figures count the thread's CPU time plus garbage-collection pauses, so that "
                        + "other work on the machine does not slow them; the --threads figure counts wall time."})
final class BenchCommand implements Callable<Integer> {

    private static final String CORPUS = "../shared/benchmarks/corpus/cnews-sample.jsonl";

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files, folders or .jsonl corpora (one document per line, field text). "
                    + "Default: seeds/ and ../shared/benchmarks/corpus/cnews-sample.jsonl when present.")
    List<Path> inputs;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "Rules folder (default: rules/).")
    Path rules;

    @Option(names = "--threads", paramLabel = "N", description = "Also measure the whole pipeline on N threads (default: 1, none extra).")
    int threads = 1;

    @Option(names = "--repeat", paramLabel = "K", description = "Measured passes over the input (default: 3).")
    int repeat = 3;

    @Option(names = "--warmup", paramLabel = "K", description = "Unmeasured passes before measuring, at least "
            + "(default: 3); more follow until the JIT has settled, up to --max-warmup.")
    int warmup = 3;

    @Option(names = "--max-warmup", paramLabel = "K", description = "Most unmeasured passes (default: 30).")
    int maxWarmup = 30;

    @Option(names = "--batch", paramLabel = "DIR", description = "Instead of the stage table: run the real extract "
            + "over the folder DIR into a temporary output folder (cold JIT, as tiqu extract runs), then the in-memory "
            + "pipeline on the same documents (warm), both on --threads (default here: all cores), and print both "
            + "in characters per second with their ratio. Build a folder with src/test/scripts/batch-corpus.sh.")
    Path batch;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        atLeast(threads, 1, "--threads");
        atLeast(repeat, 1, "--repeat");
        atLeast(warmup, 0, "--warmup");
        atLeast(maxWarmup, warmup, "--max-warmup (at least --warmup)");
        List<Path> in = inputs;
        if (in == null || in.isEmpty()) {
            in = new ArrayList<>(List.of(Defaults.projectPath("seeds")));
            // Beside the project, as seeds/ and rules/ are found: from the working folder, else the project's.
            Path corpus = Defaults.projectPath(CORPUS);
            if (Files.isRegularFile(corpus)) {
                in.add(corpus);
            } else {
                System.out.println("no " + corpus + ": measuring the seeds only");
            }
        }
        long loadStart = System.nanoTime();
        Pipeline pipeline = Pipeline.standard(new RulesLoader().load(rules != null ? rules : Defaults.projectPath("rules")));
        if (batch != null) {
            if (!Files.isDirectory(batch)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch: " + batch + " is not a folder");
            }
            int n = spec.commandLine().getParseResult().hasMatchedOption("--threads") ? threads
                    : Runtime.getRuntime().availableProcessors();
            System.out.printf("pipeline loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
            BatchBench.Figures figures = new BatchBench(pipeline, n).measure(batch, warmup, maxWarmup, repeat, System.out);
            BatchBench.print(figures, n, System.out);
            return Main.OK;
        }
        Bench bench = new Bench(pipeline, BenchInput.load(in));
        System.out.printf("%d documents, %d characters; pipeline loaded in %.1f s%n", bench.documents(), bench.chars(),
                (System.nanoTime() - loadStart) / 1e9);
        int warmedUp = bench.warmUp(warmup, Math.max(warmup, maxWarmup));
        System.out.printf("warm-up: %d passes%n", warmedUp);
        List<Bench.Stage> stages = new ArrayList<>(bench.measure(repeat, threads));
        Bench.print(stages, System.out);
        return Main.OK;
    }

    private void atLeast(int value, int least, String option) {
        if (value < least) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be at least " + least + ", not " + value);
        }
    }
}
