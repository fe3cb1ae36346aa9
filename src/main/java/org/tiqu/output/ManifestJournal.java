package org.tiqu.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.tiqu.source.SourceReader;

/**
 * The entries a running batch has finished but not yet folded into {@code manifest.json}:
 * one small file per source in {@code .journal/}, each written atomically as soon as its
 * document is done. Rewriting the whole manifest after every document would cost time
 * in the square of the batch size; a journal entry costs the same for the first document
 * and the ten-thousandth. A run ends by writing the manifest and clearing the journal; a
 * run that was killed leaves its journal, which the next run reads over the manifest, so
 * nothing finished is lost and no file is ever half written.
 */
public final class ManifestJournal {

    public static final String DIR_NAME = ".journal";

    private final Path dir;

    public ManifestJournal(Path outDir) {
        this.dir = outDir.resolve(DIR_NAME);
    }

    public void record(DocumentEntry entry) throws IOException {
        AtomicFiles.write(fileOf(entry.key()), Manifest.JSON.writeValueAsBytes(entry));
    }

    /** Forgets the entry of {@code key} ({@link DocumentEntry#key()}). */
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
     * The entries of a run that did not finish; a file that cannot be read (damaged by hand,
     * since every entry is written whole) is removed and reported to {@code unreadable}: its
     * document is done again, since the manifest does not hold it as it is now.
     */
    public List<DocumentEntry> entries(java.util.function.Consumer<String> unreadable) throws IOException {
        List<DocumentEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
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
        return entries;
    }

    /** Called once the manifest holds every entry. */
    public void clear() throws IOException {
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

    public Path dir() {
        return dir;
    }

    private Path fileOf(String entryKey) {
        String name = SourceReader.sha256(entryKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        return dir.resolve(name + ".json");
    }
}
