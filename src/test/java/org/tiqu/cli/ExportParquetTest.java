package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquCommand;

/** {@code tiqu export parquet}: where the tables go, and its usage errors (exit 2, one line, nothing written). */
class ExportParquetTest {

    @TempDir
    Path dir;

    @Test
    void writesTheThreeTablesIntoOutParquetOrTheFolderGiven() throws Exception {
        Path out = dir.resolve("out");
        Path seed = dir.resolve("in/a.txt");
        Files.createDirectories(seed.getParent());
        Files.writeString(seed, "2024年，济南高新区实现地区生产总值1234.50亿元，同比增长6.2%。");
        assertEquals(Main.OK, Main.run("extract", seed.getParent().toString(), "--out", out.toString(), "--rules", "rules"));

        assertEquals(Main.OK, TiquCommand.run("export", "parquet", out.toString()).exitCode());
        assertEquals(List.of("documents.parquet", "mentions.parquet", "metrics.parquet"), names(out.resolve("parquet")));

        Path elsewhere = dir.resolve("tables");
        assertEquals(Main.OK, TiquCommand.run("export", "parquet", out.toString(), "--to", elsewhere.toString()).exitCode());
        assertEquals(List.of("documents.parquet", "mentions.parquet", "metrics.parquet"), names(elsewhere));
        // Written again over the old files: still whole, no temporary file left.
        assertEquals(Main.OK, TiquCommand.run("export", "parquet", out.toString(), "--to", elsewhere.toString()).exitCode());
        assertEquals(List.of("documents.parquet", "mentions.parquet", "metrics.parquet"), names(elsewhere));
    }

    @Test
    void usageErrorsSayWhatIsWrongAndWriteNothing() throws Exception {
        Path missing = dir.resolve("nope");
        TiquCommand.Result r = TiquCommand.run("export", "parquet", missing.toString());
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.stderr().contains(missing + ": no such folder"), r.stderr());
        assertEquals(2, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("Try 'tiqu export parquet --help'"), r.stderr());

        Path plain = Files.createDirectories(dir.resolve("plain"));
        r = TiquCommand.run("export", "parquet", plain.toString());
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.stderr().contains("has no manifest.json: not a tiqu output folder"), r.stderr());
        assertFalse(Files.exists(plain.resolve("parquet")));

        r = TiquCommand.run("export", "csv");
        assertEquals(Main.USAGE, r.exitCode());
        r = TiquCommand.run("export");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.stderr().contains("a format is required"), r.stderr());
        assertEquals(Main.OK, Main.run("export", "parquet", "--help"));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
