package org.tiqu.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Each rule's {@code description}, by rule id, for the review page. Read leniently from the
 * rules folder's YAML: the review shows what the rules say of themselves and must open
 * even when a rules file no longer loads (the strict loader is for extracting).
 */
public final class RuleDescriptions {

    private final Map<String, String> byId;

    private RuleDescriptions(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static RuleDescriptions none() {
        return new RuleDescriptions(Map.of());
    }

    /** The descriptions of the rules under {@code dir}; none when it is not a folder. */
    public static RuleDescriptions read(Path dir) {
        Map<String, String> byId = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return new RuleDescriptions(byId);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try {
                    for (JsonNode rule : yaml.readTree(f.toFile()).path("rules")) {
                        if (rule.path("id").isTextual() && rule.path("description").isTextual()) {
                            byId.put(rule.get("id").asText(), rule.get("description").asText().strip());
                        }
                    }
                } catch (IOException e) {
                    // a file that does not parse describes nothing; tiqu rules check names it
                }
            }
        } catch (IOException e) {
            return new RuleDescriptions(byId);
        }
        return new RuleDescriptions(byId);
    }

    /** The rule's description, or an empty string. */
    public String of(String ruleId) {
        return ruleId == null ? "" : byId.getOrDefault(ruleId, "");
    }

    public int size() {
        return byId.size();
    }
}
