package org.tiqu.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tiqu.source.SourceReader;

/**
 * The entries a running batch has finished but not yet folded into {@code manifest.json}
 * (issue 19): each run appends one line per document to a segment of its own,
 * {@code .journal/segment-NNNNNN.jsonl}, as soon as the document's files are written, and
 * the run's end folds every segment into the manifest and clears the journal. Appending costs
 * the same for the first document and the ten-thousandth; rewriting the manifest after every
 * document would cost time in the square of the batch size.
 *
 * <p>Two kinds of crash, two promises:
 * <ul>
 * <li><b>The process is killed</b> (kill -9, out of memory): every line written is in the page
 *     cache, which survives the process, and so is every records file; a line is written by one
 *     {@code write}, whole or not at all. The next run keeps every journaled document.</li>
 * <li><b>The power fails</b>: only what was forced to disk survives. Records files are not forced
 *     one by one; {@link #commit} forces the files of a group of documents, their folders, then
 *     appends a commit line and forces the segment. Lines before a segment's last commit line
 *     are trusted; a line after it is kept only when its records (and text) file on disk has the
 *     digest the line names, else its document is done again. So the journal never makes a
 *     run skip a document whose records are not on disk.</li>
 * </ul>
 * Old journals (one {@code .json} file per entry, written by tiqu before issue 19) are read too.
 */
public final class ManifestJournal implements AutoCloseable {

    public static final String DIR_NAME = ".journal";
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".jsonl";

    /** One line of a segment: a document's entry, or a commit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(@JsonProperty("entry") DocumentEntry entry, @JsonProperty("text_sha256") String textSha256,
                @JsonProperty("commit") Long commit) {
    }

    private static final ObjectWriter LINE = Manifest.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path outDir;
    private final Path dir;
    private FileChannel segment;
    /** Files written since the last commit, to be forced with it, and their folders. */
    private final Set<Path> pending = new LinkedHashSet<>();
    private long commits;
    private int uncommitted;

    public ManifestJournal(Path outDir) {
        this.outDir = outDir;
        this.dir = outDir.resolve(DIR_NAME);
    }

    /**
     * Appends {@code entry}, whose files are written but not forced; {@code textSha256} is the
     * digest of its text file, when it has one. Whole in the page cache once this returns.
     */
    public synchronized void record(DocumentEntry entry, String textSha256) throws IOException {
        byte[] json = LINE.writeValueAsBytes(new Line(entry, textSha256, null));
        append(json);
        uncommitted++;
        if (entry.records() != null && entry.ok()) {
            pending.add(outDir.resolve(entry.records()));
        }
        if (entry.text() != null && entry.ok()) {
            pending.add(outDir.resolve(entry.text()));
        }
    }

    public void record(DocumentEntry entry) throws IOException {
        record(entry, null);
    }

    /** Documents journaled since the last commit. */
    public synchronized int uncommitted() {
        return uncommitted;
    }

    /**
     * Makes every line so far durable against a power loss: forces the files of the documents
     * journaled since the last commit, then their folders (the renames that named them), then
     * appends a commit line and forces the segment.
     */
    public synchronized void commit() throws IOException {
        if (segment == null) {
            return;
        }
        Set<Path> folders = new LinkedHashSet<>();
        pending.forEach(file -> folders.add(file.getParent()));
        // The files first, then the folders that name them: both waits on the disk, not CPU work.
        forceAll(new ArrayList<>(pending), ManifestJournal::forceFile);
        forceAll(new ArrayList<>(folders), ManifestJournal::forceFolder);
        pending.clear();
        uncommitted = 0;
        append(LINE.writeValueAsBytes(new Line(null, null, ++commits)));
        segment.force(true);
    }

    /** Forgets the entry of {@code key} ({@link DocumentEntry#key()}) in an old journal; segments are folded whole. */
    public void forget(String key) throws IOException {
        Files.deleteIfExists(fileOf(key));
    }

    /**
     * The entries of a run that did not finish; none after a run that did.
     *
     * @throws OutputFolderException naming a journal file that cannot be read
     */
    public List<DocumentEntry> entries() throws IOException {
        return entries(problem -> {
            throw new OutputFolderException(problem);
        });
    }

    /**
     * The entries of runs that did not finish, later ones over earlier ones. An old entry file
     * that cannot be read (damaged by hand) is removed and reported to {@code unreadable}; so is
     * a segment line that cannot be read, or that was not committed and whose files on disk are
     * not those it names: its document is done again.
     */
    public List<DocumentEntry> entries(Consumer<String> unreadable) throws IOException {
        List<DocumentEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json")) {
                DocumentEntry entry;
                try {
                    entry = Manifest.readJson(f, DocumentEntry.class, "journal entry");
                } catch (OutputFolderException e) {
                    entry = null;
                }
                if (entry == null || entry.source() == null) {
                    unreadable.accept(f + ": not a readable journal entry; removed, its document is done again");
                    Files.deleteIfExists(f);
                    continue;
                }
                entries.add(entry);
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX)) {
                readSegment(f, entries, unreadable);
            }
        }
        return entries;
    }

    private void readSegment(Path f, List<DocumentEntry> entries, Consumer<String> unreadable) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        List<Line> uncommitted = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            if (end == bytes.length) {
                // No line end: the last write of a run stopped by a power loss, or one still being made.
                break;
            }
            Line line;
            try {
                line = Manifest.JSON.readValue(bytes, start, end - start, Line.class);
            } catch (IOException e) {
                line = null;
            }
            start = end + 1;
            if (line == null || (line.commit() == null && (line.entry() == null || line.entry().source() == null))) {
                unreadable.accept(f + ": line " + number + " is not a readable journal entry; its document is done again");
                continue;
            }
            if (line.commit() != null) {
                uncommitted.forEach(l -> entries.add(l.entry()));
                uncommitted.clear();
            } else {
                uncommitted.add(line);
            }
        }
        for (Line line : uncommitted) {
            if (onDisk(line)) {
                entries.add(line.entry());
            } else {
                unreadable.accept(f + ": " + line.entry().source() + (line.entry().line() == null ? "" : ":" + line.entry().line())
                        + " was journaled but its files are not whole on disk (the power failed?); it is done again");
            }
        }
    }

    /** Whether the files an uncommitted line names hold what it says (always so after a process kill). */
    private boolean onDisk(Line line) {
        DocumentEntry e = line.entry();
        if (!e.ok()) {
            return true;
        }
        return matches(e.records(), e.recordsSha256()) && (e.text() == null || matches(e.text(), line.textSha256()));
    }

    private boolean matches(String path, String sha256) {
        if (path == null || sha256 == null) {
            return false;
        }
        try {
            Path file = OutputPaths.resolve(outDir, path, path.startsWith(OutputPaths.TEXT + "/") ? OutputPaths.TEXT : OutputPaths.RECORDS);
            return Files.isRegularFile(file) && sha256.equals(SourceReader.sha256(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return false; // outside the folder or unreadable: checked again, and reported, when the run reads the entry
        }
    }

    /** Called once the manifest holds every entry. */
    public synchronized void clear() throws IOException {
        close();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Override
    public synchronized void close() throws IOException {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }

    public Path dir() {
        return dir;
    }

    /** One write per line: a process killed mid-way leaves the line whole or absent. */
    private void append(byte[] json) throws IOException {
        if (segment == null) {
            segment = openSegment();
        }
        ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (buffer.hasRemaining()) {
            segment.write(buffer);
        }
    }

    /** A new segment for this run, after those of runs that did not finish. */
    private FileChannel openSegment() throws IOException {
        Files.createDirectories(dir);
        int next = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX)) {
                    try {
                        next = Math.max(next, Integer.parseInt(name.substring(SEGMENT_PREFIX.length(),
                                name.length() - SEGMENT_SUFFIX.length())) + 1);
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
        Path file = dir.resolve(String.format("%s%06d%s", SEGMENT_PREFIX, next, SEGMENT_SUFFIX));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        forceFolder(dir);
        return channel;
    }

    /**
     * Forces {@value #FORCE_THREADS} at a time: an fsync mostly waits for the disk, and the file
     * system commits the waits of several in one journal write. One by one, the 8,760 files of
     * a batch of 4,380 documents took 10 s at the end of the run on the shared machine (issue 19).
     * Returns once every one is forced; the first failure is thrown then.
     */
    private static void forceAll(List<Path> paths, Forcing forcing) throws IOException {
        if (paths.size() < 2 * FORCE_THREADS) {
            for (Path p : paths) {
                forcing.force(p);
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable forcer = () -> {
            for (int i = next.getAndIncrement(); i < paths.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    forcing.force(paths.get(i));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    // a file not forced must not be followed by a commit line, whatever stopped it
                    failure.compareAndSet(null, new IOException("cannot force " + paths.get(i) + ": " + e, e));
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t < FORCE_THREADS; t++) {
            Thread thread = new Thread(forcer, "tiqu-force");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        forcer.run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while forcing the journal's files");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static final int FORCE_THREADS = 8;

    @FunctionalInterface
    private interface Forcing {
        void force(Path path) throws IOException;
    }

    private static void forceFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.nio.file.NoSuchFileException gone) {
            // replaced or removed since (a later document owns the path): nothing to keep
        }
    }

    /** Forces a folder's entries (the files renamed into it) to disk, where the platform allows it. */
    private static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder: its renames are as durable as the file system makes them
        }
    }

    private Path fileOf(String entryKey) {
        String name = SourceReader.sha256(entryKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        return dir.resolve(name + ".json");
    }
}
