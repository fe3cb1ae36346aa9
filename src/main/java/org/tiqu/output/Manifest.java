package org.tiqu.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@code output/manifest.json}: which sources were read, with which rules, and what
 * became of each. The audit starts from it; the next batch skips what it says is
 * unchanged. The batch rewrites it (atomically) after every document, so a run that is
 * killed loses none of the documents it finished.
 *
 * @param rulesDir    the rules folder used
 * @param rulesSha256 digest of the rules set of the latest run
 * @param referenceDate the {@code --reference-date} given, or null
 * @param documents   one entry per source, in order of source path; entries of sources not
 *                    read by the latest run (skipped, or outside its inputs) are kept
 */
public record Manifest(
        @JsonProperty("tool") String tool,
        @JsonProperty("version") String version,
        @JsonProperty("rules_dir") String rulesDir,
        @JsonProperty("rules_sha256") String rulesSha256,
        @JsonProperty("reference_date") String referenceDate,
        @JsonProperty("documents") List<DocumentEntry> documents) {

    public static final String FILE_NAME = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static boolean exists(Path outDir) {
        return Files.isRegularFile(outDir.resolve(FILE_NAME));
    }

    public void write(Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }

    /**
     * The manifest of {@code outDir}.
     *
     * @throws OutputFolderException naming the file when it is not a manifest tiqu can read
     *         (cut short, edited by hand) or holds no document list
     */
    public static Manifest read(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no manifest (run tiqu extract first)");
        }
        Manifest manifest = readJson(file, Manifest.class, "manifest");
        if (manifest == null || manifest.documents() == null) {
            throw new OutputFolderException(file + ": not a tiqu manifest (no \"documents\" list); "
                    + "move it away to start the output folder afresh");
        }
        return manifest;
    }

    /** A JSON file of the output folder, or an error naming it and where it stops making sense. */
    static <T> T readJson(Path file, Class<T> type, String what) throws IOException {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new OutputFolderException(file + ": not a readable " + what + " (" + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "); it was cut short or edited: move it away to start the output folder afresh", e);
        }
    }
}
