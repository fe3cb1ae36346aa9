package org.tiqu.extract.org.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Where a model came from, written beside it as {@code MODEL.provenance}: the model's sha256, the
 * training files with theirs, the command and settings, and the score at training time.
 */
public record Provenance(String text) {

    public static Path pathFor(Path model) {
        return model.resolveSibling(model.getFileName() + ".provenance");
    }

    public static Provenance of(Path model, List<Path> data, String command, int passes, double keep, long seed,
                                int features, String devScore, double seconds) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# ORG tagger model provenance, written by `tiqu train org`.\n");
        b.append("# The training data's terms: research use (MSRA NER, SIGHAN 2006 bakeoff; CLUENER2020 states none).\n");
        b.append("model=").append(model.getFileName()).append('\n');
        b.append("model.sha256=").append(sha256(model)).append('\n');
        for (int i = 0; i < data.size(); i++) {
            b.append("data.").append(i + 1).append('=').append(data.get(i).getFileName()).append('\n');
            b.append("data.").append(i + 1).append(".sha256=").append(sha256(data.get(i))).append('\n');
        }
        b.append("command=").append(command).append('\n');
        b.append("passes=").append(passes).append('\n');
        b.append("pruning=kept ").append(keep).append(" of the features by weight mass\n");
        b.append("seed=").append(seed).append('\n');
        b.append("features=").append(features).append('\n');
        b.append(String.format(Locale.ROOT, "training.seconds=%.0f%n", seconds));
        if (devScore != null) {
            b.append("score.dev=").append(devScore).append('\n');
        }
        return new Provenance(b.toString());
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
