package org.tiqu.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tiqu.output.AtomicFiles;
import org.tiqu.output.Manifest;
import org.tiqu.output.MentionsCsv;
import org.tiqu.output.MetricsCsv;
import org.tiqu.output.html.AuditPage;
import org.tiqu.source.SourceReader;

/**
 * Whether {@code metrics.csv}, {@code mentions.csv} and {@code audit.html} were made from the manifest as it is: the
 * stamp {@code .derived} holds the sha256 of the {@code manifest.json} they were made from,
 * written after both. A run stopped after writing the manifest and before the stamp (killed,
 * or a full disk) leaves a stamp that does not match, and the next run makes them again even
 * when every document is skipped.
 *
 * <p>The derived files are written without forcing them to disk (issue 19: the audit pages alone
 * were a thousand fsyncs); the stamp's second line is a digest of their bytes, so a power loss
 * that leaves one torn or empty shows as a stale stamp, and the next run removes the audit pages
 * (which are otherwise rewritten only when older than their records) and writes everything again.
 */
final class DerivedFiles {

    static final String STAMP = ".derived";

    private DerivedFiles() {
    }

    static boolean upToDate(Path out) throws IOException {
        Path stamp = out.resolve(STAMP);
        return Files.isRegularFile(out.resolve(MetricsCsv.FILE_NAME)) && Files.isRegularFile(out.resolve(MentionsCsv.FILE_NAME))
                && Files.isRegularFile(out.resolve(AuditPage.FILE_NAME))
                && Files.isRegularFile(stamp) && Manifest.exists(out)
                && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(manifestDigest(out) + "\n" + derivedDigest(out));
    }

    /**
     * Called before the derived files are made again: when they are not those the stamp names
     * (a power loss, or a stop while they were written), the audit pages go, so that none is kept
     * for its date alone.
     */
    static void removeDamaged(Path out) throws IOException {
        Path stamp = out.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            return;
        }
        String[] lines = Files.readString(stamp, StandardCharsets.UTF_8).strip().split("\n");
        if (lines.length != 2 || !lines[1].equals(derivedDigest(out))) {
            Path pages = out.resolve(AuditPage.PAGES_DIR);
            if (Files.isDirectory(pages)) {
                try (java.util.stream.Stream<Path> walk = Files.walk(pages)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** sha256 over the derived files, the audit pages included, in a fixed order. */
    private static String derivedDigest(Path out) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        List<Path> files = new ArrayList<>(List.of(out.resolve(MetricsCsv.FILE_NAME), out.resolve(MentionsCsv.FILE_NAME),
                out.resolve(AuditPage.FILE_NAME)));
        Path pages = out.resolve(AuditPage.PAGES_DIR);
        if (Files.isDirectory(pages)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(pages)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        for (Path f : files) {
            sha.update(out.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (Files.isRegularFile(f)) {
                sha.update(Files.readAllBytes(f));
            }
            sha.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Notes that the derived files now match the manifest. */
    static void stamp(Path out) throws IOException {
        AtomicFiles.write(out.resolve(STAMP), (manifestDigest(out) + "\n" + derivedDigest(out) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String manifestDigest(Path out) throws IOException {
        return SourceReader.sha256(Files.readAllBytes(out.resolve(Manifest.FILE_NAME)));
    }
}
