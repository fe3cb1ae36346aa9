package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.testing.TiquCommand;

/** --include/--exclude, formats tiqu does not read, an empty folder, and rules check's reasons (issue 18). */
class InputSelectionTest {

    @TempDir
    Path dir;

    private TiquCommand.Result result;

    private int tiqu(String... args) {
        result = TiquCommand.run(args);
        return result.exitCode();
    }

    private List<String> docs(Path out) throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        return manifest.get("documents").findValuesAsText("doc").stream().sorted().toList();
    }

    @Test
    void globsChooseTheFilesOfFoldersAndOtherFormatsAreSkippedNotFailed() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/2024"));
        Files.writeString(in.resolve("a.txt"), "营收增长15%。");
        Files.writeString(in.resolve("b.html"), "<html><body><p>利润下降3%。</p></body></html>");
        Files.writeString(in.resolve("draft.txt"), "草稿增长1%。");
        Files.write(in.resolve("report.pdf"), "%PDF-1.7 binary".getBytes());
        Files.write(in.resolve("letter.docx"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path root = dir.resolve("in");

        Path out = dir.resolve("out");
        assertEquals(0, tiqu("extract", root.toString(), "--out", out.toString(), "--include", "*.txt",
                "--exclude", "2024/draft*", "--progress", "log"), result.stderr());
        assertEquals(List.of("2024/a"), docs(out));

        Path all = dir.resolve("all");
        assertEquals(0, tiqu("extract", root.toString(), "--out", all.toString(), "--progress", "log"), result.stderr());
        assertEquals(List.of("2024/a", "2024/b", "2024/draft"), docs(all));
        assertTrue(result.stderr().contains("report.pdf: skipped, a PDF document"), result.stderr());
        assertTrue(result.stderr().contains("letter.docx: skipped, an office document"), result.stderr());

        assertEquals(2, tiqu("extract", root.toString(), "--out", out.toString(), "--include", "[a"), result.stderr());
        assertTrue(result.stderr().contains("--include/--exclude: '[a' is not a glob"), result.stderr());
    }

    @Test
    void anEmptyFolderIsAWarningAndWritesNothing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");
        assertEquals(0, tiqu("extract", in.toString(), "--out", out.toString()), result.stderr());
        assertTrue(result.stderr().contains("warning: no documents to read in " + in), result.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void rulesCheckOnBrokenYamlGivesTheWholeReason() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.yaml"), "rules: [ {id: x\n");
        assertEquals(2, tiqu("rules", "check", rules.toString()));
        String err = result.stderr();
        assertTrue(err.contains("broken.yaml:2: expected ',' or '}', but got <stream end>"), err);
        assertTrue(err.contains("while parsing a flow mapping started at line 1, column 10"), err);
        assertEquals(1, err.lines().count(), err);
    }
}
