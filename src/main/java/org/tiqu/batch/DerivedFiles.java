package org.tiqu.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
                && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(manifestDigest(out));
    }

    /** Notes that the derived files now match the manifest. */
    static void stamp(Path out) throws IOException {
        AtomicFiles.write(out.resolve(STAMP), (manifestDigest(out) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String manifestDigest(Path out) throws IOException {
        return SourceReader.sha256(Files.readAllBytes(out.resolve(Manifest.FILE_NAME)));
    }
}
