package org.tiqu.output;

import java.nio.file.Path;

/**
 * Where a document's files go in an output folder, and the check that every path read back
 * from the manifest or the journal stays where tiqu writes: {@code records/<doc>.jsonl} and
 * {@code text/<doc>.txt}, where {@code <doc>} is the document id (the source's path relative
 * to its input folder, without extension: {@code 2024/01/index}). A path that leads anywhere
 * else (an edited {@code "records": "../victim.txt"}) is never read, written or deleted.
 */
public final class OutputPaths {

    public static final String RECORDS = "records";
    public static final String TEXT = "text";

    private OutputPaths() {
    }

    public static String recordsOf(String doc) {
        return RECORDS + "/" + doc + ".jsonl";
    }

    public static String textOf(String doc) {
        return TEXT + "/" + doc + ".txt";
    }

    /** Whether {@code relative} names a file inside {@code outDir/folder}, after {@code ..} and {@code .} are resolved. */
    public static boolean isInside(Path outDir, String relative, String folder) {
        if (relative == null || relative.isEmpty()) {
            return false;
        }
        Path base = outDir.toAbsolutePath().normalize().resolve(folder);
        Path p;
        try {
            p = Path.of(relative);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        if (p.isAbsolute()) {
            return false;
        }
        Path resolved = outDir.toAbsolutePath().normalize().resolve(p).normalize();
        return resolved.startsWith(base) && !resolved.equals(base);
    }

    /**
     * Why the paths of {@code entry} cannot be used in {@code outDir} (its records or text file
     * lies outside {@code records/} or {@code text/}), or null when they can.
     */
    public static String problemOf(Path outDir, DocumentEntry entry) {
        if (entry.records() != null && !isInside(outDir, entry.records(), RECORDS)) {
            return "records file '" + entry.records() + "' is outside " + RECORDS + "/";
        }
        if (entry.text() != null && !isInside(outDir, entry.text(), TEXT)) {
            return "text file '" + entry.text() + "' is outside " + TEXT + "/";
        }
        return null;
    }

    /** {@code outDir/relative}, which must lie inside {@code outDir/folder}. */
    public static Path resolve(Path outDir, String relative, String folder) {
        if (!isInside(outDir, relative, folder)) {
            throw new OutputFolderException(outDir + ": '" + relative + "' is outside " + folder + "/ of the output folder");
        }
        return outDir.resolve(relative).normalize();
    }
}
