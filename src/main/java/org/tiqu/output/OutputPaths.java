package org.tiqu.output;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths a manifest names inside an output folder ({@code records/…}, {@code text/…}), and
 * paths made from document ids. A manifest or an id is data: a path in it that is absolute
 * or climbs out with {@code ..} is refused, so a crafted manifest cannot make a reader or a
 * server open files elsewhere.
 */
public final class OutputPaths {

    private OutputPaths() {
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
