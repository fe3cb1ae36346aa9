package org.tiqu.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a batch reads, each with its document id.
 *
 * <p>Files are taken as given; folders are walked for their visible regular files, in name
 * order. What a walk passes over is named (a link to a folder, a broken or looping link, a
 * pipe or device, a folder that cannot be listed), except hidden files and folders. The output
 * folder, and any other tiqu output folder (a {@code manifest.json} beside {@code records/}),
 * is never read as input, so {@code tiqu extract .} does not read its own {@code output/}. A
 * file reached twice ({@code extract d d/f}, or through a link) is one document.
 *
 * <p>A document's id is its path relative to the folder given ({@code 2024/01/index} for
 * {@code 2024/01/index.html}; the file name for a file given alone), without the extension,
 * so the same name in two folders makes two documents. When two files of one folder differ only
 * in their extension ({@code x.txt}, {@code x.html}) both keep it ({@code x.txt}, {@code x.html}).
 */
public final class InputFiles {

    /** A file to read and its document id. */
    public record Input(Path path, String id) {
    }

    /** What a batch reads, and what it passed over with the reason. */
    public record Selection(List<Input> files, List<String> passedOver) {
    }

    private InputFiles() {
    }

    /** The files of {@code inputs}, in order, without ids: for tools that read documents without a batch. */
    public static List<Path> expand(List<Path> inputs) {
        return select(inputs, null).files().stream().map(Input::path).toList();
    }

    /**
     * The files of {@code inputs} with their ids, leaving out {@code outDir} (may be null) and
     * everything inside it.
     */
    public static Selection select(List<Path> inputs, Path outDir) {
        return select(inputs, outDir, InputFilter.ALL);
    }

    /**
     * As above, reading only the files of folders that {@code filter} accepts; files of a format
     * tiqu does not read (PDF, images …) are passed over with the reason, also when named.
     */
    public static Selection select(List<Path> inputs, Path outDir, InputFilter filter) {
        Path out = outDir == null ? null : realOrAbsolute(outDir);
        List<String> passedOver = new ArrayList<>();
        List<Candidate> found = new ArrayList<>();
        for (Path input : inputs) {
            if (out != null && realOrAbsolute(input).startsWith(out)) {
                passedOver.add(input + ": inside the output folder " + outDir + ", not read");
            } else if (Files.isDirectory(input)) {
                walk(input, out, filter, found, passedOver);
            } else if (InputFilter.unsupported(input) != null && Files.isRegularFile(input)) {
                passedOver.add(input + ": " + InputFilter.unsupported(input));
            } else {
                // Missing files and pipes are kept: the batch reports them by name as failed.
                Path parent = input.toAbsolutePath().normalize().getParent();
                found.add(new Candidate(input, parent, parent.relativize(input.toAbsolutePath().normalize())));
            }
        }
        return new Selection(withIds(distinct(found, passedOver)), List.copyOf(passedOver));
    }

    /** A file found, with the folder its id counts from. */
    private record Candidate(Path path, Path root, Path relative) {
        String stem() {
            return withoutExtension(relative);
        }

        String withExtension() {
            return slashed(relative);
        }
    }

    private static void walk(Path given, Path out, InputFilter filter, List<Candidate> found, List<String> passedOver) {
        // A folder given through a link is walked where it is: the walk follows no links below it.
        Path root = Files.isSymbolicLink(given) ? realOrAbsolute(given) : given;
        List<Candidate> files = new ArrayList<>();
        Path absoluteRoot = root.toAbsolutePath().normalize();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (out != null && realOrAbsolute(dir).equals(out)) {
                        passedOver.add(dir + ": the output folder, not read");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (isOutputFolder(dir)) {
                        passedOver.add(dir + ": a tiqu output folder (manifest.json and records/), not read");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file) || !filter.accepts(root.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    String skipped = null;
                    if (attrs.isSymbolicLink()) {
                        if (Files.isDirectory(file)) {
                            skipped = "a link to a folder, not followed (give the folder itself as an input)";
                        } else if (!Files.isRegularFile(file)) {
                            skipped = "a broken link (its target is missing, or it loops)";
                        }
                    } else if (!attrs.isRegularFile()) {
                        skipped = "not a regular file (a pipe, socket or device), not read";
                    }
                    if (skipped == null) {
                        skipped = InputFilter.unsupported(file);
                    }
                    if (skipped != null) {
                        passedOver.add(file + ": " + skipped);
                    } else {
                        files.add(new Candidate(file, absoluteRoot, absoluteRoot.relativize(file.toAbsolutePath().normalize())));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    passedOver.add(file + ": cannot be listed or read (" + IoReasons.of(e) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        files.sort(java.util.Comparator.comparing(Candidate::path));
        found.addAll(files);
    }

    /** Each file once: a file reached again (the same path, or another path to it) is left out. */
    private static List<Candidate> distinct(List<Candidate> found, List<String> passedOver) {
        Map<Path, Candidate> byRealPath = new LinkedHashMap<>();
        for (Candidate c : found) {
            Candidate first = byRealPath.putIfAbsent(realOrAbsolute(c.path()), c);
            if (first != null && !first.path().toAbsolutePath().normalize().equals(c.path().toAbsolutePath().normalize())) {
                passedOver.add(c.path() + ": the same file as " + first.path() + ", read once");
            }
        }
        return new ArrayList<>(byRealPath.values());
    }

    /** Ids without extension, except for files of one folder that only their extension tells apart. */
    private static List<Input> withIds(List<Candidate> files) {
        Map<String, List<Candidate>> byStem = new HashMap<>();
        for (Candidate c : files) {
            byStem.computeIfAbsent(c.root() + "\0" + c.stem(), k -> new ArrayList<>()).add(c);
        }
        List<Input> inputs = new ArrayList<>(files.size());
        for (Candidate c : files) {
            boolean shared = byStem.get(c.root() + "\0" + c.stem()).size() > 1;
            inputs.add(new Input(c.path(), shared ? c.withExtension() : c.stem()));
        }
        return inputs;
    }

    private static String withoutExtension(Path relative) {
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = relative.getParent();
        return parent == null ? stem : slashed(parent) + "/" + stem;
    }

    private static String slashed(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** A folder tiqu wrote: its manifest beside its records. */
    static boolean isOutputFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json")) && Files.isDirectory(dir.resolve("records"));
    }

    /** The real path of {@code p} when it exists (links and {@code ..} resolved), else its absolute normal form. */
    static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
