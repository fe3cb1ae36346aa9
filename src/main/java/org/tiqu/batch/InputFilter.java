package org.tiqu.batch;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files of a folder a batch reads: {@code --include GLOB} (when any is given, only files
 * matching one) and {@code --exclude GLOB} (never files matching one), and the formats tiqu does
 * not read at all. A glob matches a file's path relative to the folder given
 * ({@code 2024/*.html}) or its name alone ({@code *.txt} matches in every subfolder); the syntax
 * is Java's ({@code *}, {@code **}, {@code ?}, {@code [abc]}, {@code {a,b}}). Files named as
 * inputs themselves are not filtered by globs: naming a file asks for it.
 *
 * <p>Formats that are not text ({@code .pdf}, office documents, images, archives, audio and
 * video) are known by their extension and passed over with the reason, rather than read as
 * bytes and failed as binary: a folder of press releases often holds their PDFs and pictures,
 * and these do not make a batch fail.
 */
public final class InputFilter {

    public static final InputFilter ALL = new InputFilter(List.of(), List.of());

    private static final Map<String, String> UNSUPPORTED = unsupported();

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;

    private InputFilter(List<PathMatcher> include, List<PathMatcher> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /**
     * A filter of {@code includes} and {@code excludes}.
     *
     * @throws IllegalArgumentException naming a glob that cannot be read
     */
    public static InputFilter of(List<String> includes, List<String> excludes) {
        return new InputFilter(matchers(includes), matchers(excludes));
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        if (globs == null) {
            return List.of();
        }
        return globs.stream().map(g -> {
            try {
                return FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + g + "' is not a glob: " + e.getMessage(), e);
            }
        }).toList();
    }

    /** Whether the globs let {@code relative} (a path inside a folder given) be read. */
    boolean accepts(Path relative) {
        Path name = relative.getFileName();
        if (!include.isEmpty() && include.stream().noneMatch(m -> m.matches(relative) || m.matches(name))) {
            return false;
        }
        return exclude.stream().noneMatch(m -> m.matches(relative) || m.matches(name));
    }

    /** Why tiqu does not read {@code file} (a PDF, an image …), or null when it does. */
    public static String unsupported(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String kind = UNSUPPORTED.get(name.substring(dot + 1));
        if (kind == null || name.endsWith(".jsonl.gz")) {
            return null;
        }
        return "skipped, " + kind + ": tiqu reads plain text, HTML and JSONL"
                + (kind.startsWith("a PDF") ? " (convert it first, e.g. pdftotext -enc UTF-8)"
                : kind.startsWith("an office") ? " (save it as text or HTML first)" : "");
    }

    private static Map<String, String> unsupported() {
        Map<String, String> kinds = new java.util.HashMap<>();
        kinds.put("pdf", "a PDF document");
        for (String ext : List.of("doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "wps", "rtf", "pages", "key", "numbers")) {
            kinds.put(ext, "an office document");
        }
        for (String ext : List.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "ico", "heic", "psd")) {
            kinds.put(ext, "an image");
        }
        for (String ext : List.of("zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "zst")) {
            kinds.put(ext, "an archive");
        }
        for (String ext : List.of("mp3", "mp4", "wav", "avi", "mov", "mkv", "flac", "m4a", "webm")) {
            kinds.put(ext, "audio or video");
        }
        for (String ext : List.of("exe", "dll", "so", "dylib", "class", "jar", "bin", "iso", "dmg")) {
            kinds.put(ext, "a program or disk image");
        }
        return Map.copyOf(kinds);
    }
}
