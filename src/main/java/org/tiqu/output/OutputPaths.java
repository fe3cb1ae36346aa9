package org.tiqu.output;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a document's files go in an output folder, and the checks that every path read back
 * from the manifest, the journal or a document id stays where tiqu writes:
 * {@code records/<doc>.jsonl} and {@code text/<doc>.txt}, where {@code <doc>} is the document
 * id (the source's path relative to its input folder, without extension: {@code 2024/01/index}).
 * A manifest or an id is data: a path in it that is absolute or climbs out with {@code ..}
 * (an edited {@code "records": "../victim.txt"}) is never read, written, served or deleted.
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

    /** {@code relative} resolved in {@code outDir}; refused when it is absolute or leaves the folder. */
    public static Path inside(Path outDir, String relative) throws IOException {
        if (relative == null || relative.isEmpty()) {
            throw new IOException("no path given");
        }
        if (relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) {
            throw new IOException(relative + ": refused (backslash or NUL in a path)");
        }
        Path rel;
        try {
            rel = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new IOException(relative + ": refused (" + e.getReason() + ")");
        }
        if (rel.isAbsolute() || rel.getRoot() != null) {
            throw new IOException(relative + ": refused (absolute path; the manifest names files inside " + outDir + ")");
        }
        Path root = outDir.toAbsolutePath().normalize();
        Path resolved = root.resolve(rel).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IOException(relative + ": refused (leaves the output folder " + outDir + ")");
        }
        return resolved;
    }

    /** Whether {@code relative} names a file inside {@code outDir/folder}, after {@code ..} and {@code .} are resolved. */
    public static boolean isInside(Path outDir, String relative, String folder) {
        Path resolved;
        try {
            resolved = inside(outDir, relative);
        } catch (IOException e) {
            return false;
        }
        Path base = outDir.toAbsolutePath().normalize().resolve(folder);
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

    /**
     * Whether a document id can name files as {@code <folder>/<id>.<ext>}: ids may hold
     * {@code /} (a path relative to the input root), but no empty, {@code .} or {@code ..}
     * part, no backslash, control character or leading {@code /}.
     */
    public static boolean isSafeId(String id) {
        if (id == null || id.isEmpty() || id.length() > 512) {
            return false;
        }
        for (String part : id.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
