package org.tiqu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.tiqu.document.hanlp.HanlpDictionary;
import org.tiqu.extract.org.tagger.OrgTagger;
import org.tiqu.extract.org.tagger.Provenance;
import org.tiqu.extract.org.tagger.TaggerTrainer;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a statistical model.",
        subcommands = TrainCommand.Org.class)
final class TrainCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: org");
    }

    @Command(name = "org", mixinStandardHelpOptions = true,
            description = {"Train the ORG character tagger (averaged perceptron, Viterbi) on sentence JSONL",
                    "(ner-zh format) and write the pruned model and, beside it, MODEL.provenance.",
                    "Deterministic: same files and options give the same model. Needs a larger heap than the",
                    "launcher's default: TIQU_JAVA_OPTS=-Xmx4g."})
    static final class Org implements Callable<Integer> {

        @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Training JSONL files, in this order.")
        List<Path> data = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
        Path out;

        @Option(names = "--passes", defaultValue = "5", description = "Training passes (default 5).")
        int passes;

        @Option(names = "--keep", defaultValue = "0.1", description = "Fraction of features kept after pruning (default 0.1).")
        double keep;

        @Option(names = "--seed", defaultValue = "1", description = "Shuffling seed (default 1).")
        long seed;

        @Option(names = "--dev", paramLabel = "FILE", description = "JSONL file scored after training (recorded in the provenance).")
        Path dev;

        @Parameters(hidden = true, arity = "0")
        List<String> none;

        @Override
        public Integer call() throws IOException {
            PrintWriter log = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            TaggerTrainer.Settings settings = new TaggerTrainer.Settings(passes, keep, seed);
            new TaggerTrainer(HanlpDictionary.core(), log).train(data, settings, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            OrgTagger tagger = OrgTagger.load(out, HanlpDictionary.core());
            String devScore = null;
            if (dev != null) {
                devScore = TaggerTrainer.score(tagger, dev).toString();
                log.println("dev " + dev + ": " + devScore);
            }
            StringBuilder command = new StringBuilder("tiqu train org");
            data.forEach(f -> command.append(" --data ").append(f));
            command.append(" --out ").append(out).append(String.format(Locale.ROOT, " --passes %d --keep %s --seed %d", passes, keep, seed));
            if (dev != null) {
                command.append(" --dev ").append(dev);
            }
            Provenance p = Provenance.of(out, data, command.toString(), passes, keep, seed, tagger.features(), devScore, seconds);
            Path provenance = Provenance.pathFor(out);
            Files.writeString(provenance, p.text(), StandardCharsets.UTF_8);
            log.printf(Locale.ROOT, "wrote %s (%d features) and %s in %.0f s%n", out, tagger.features(), provenance, seconds);
            return Main.OK;
        }
    }
}
