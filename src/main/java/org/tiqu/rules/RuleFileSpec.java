package org.tiqu.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rules file as written in YAML, before references are expanded and patterns
 * compiled. Unknown keys are errors.
 *
 * <pre>
 * type: PERCENT                # the record type its rules produce (absent for shared pieces)
 * namespace: percent           # how other files refer to its pieces; default: the file name
 * patterns: {NAME: regex}      # named sub-patterns, used as {namespace.NAME}
 * lexicons: {name: [words] or {word: value}}   # used as {namespace.name}
 * rules: [...]                 # see RuleSpec
 * </pre>
 */
public record RuleFileSpec(
        @JsonProperty("type") String type,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("description") String description,
        @JsonProperty("patterns") Map<String, Located> patterns,
        @JsonProperty("lexicons") Map<String, LexiconSpec> lexicons,
        @JsonProperty("rules") List<RuleSpec> rules) {

    @JsonCreator
    public RuleFileSpec {
        patterns = patterns == null ? Map.of() : new LinkedHashMap<>(patterns);
        lexicons = lexicons == null ? Map.of() : new LinkedHashMap<>(lexicons);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * <pre>
     * - id: percent.arabic          # unique over all files
     *   kind: percent               # what the extractor makes of a match (its own vocabulary)
     *   priority: 50                # higher wins an overlap
     *   pattern: '(?&lt;number&gt;{number.DECIMAL})%'
     *   params: {key: value}        # extractor-specific settings
     *   active: true
     *   examples: [{text, reference_date?, expect: [{text, value, type?, ...}]}]
     *   counter_examples: [text or {text, type?}]
     * </pre>
     */
    public record RuleSpec(
            @JsonProperty("id") Located id,
            @JsonProperty("description") String description,
            @JsonProperty("kind") String kind,
            @JsonProperty("priority") Integer priority,
            @JsonProperty("pattern") Located pattern,
            @JsonProperty("params") Map<String, Object> params,
            @JsonProperty("active") Boolean active,
            @JsonProperty("examples") List<ExampleSpec> examples,
            @JsonProperty("counter_examples") List<CounterExampleSpec> counterExamples) {
    }

    /** Text in, records expected out. */
    public record ExampleSpec(
            @JsonProperty("text") String text,
            @JsonProperty("reference_date") String referenceDate,
            @JsonProperty("expect") List<Map<String, Object>> expect) {
    }

    /** Text in which the rule's type must find nothing. Written as a bare string or {text, type}. */
    public static final class CounterExampleSpec {
        private final String text;
        private final String type;
        private final String referenceDate;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public CounterExampleSpec(String text) {
            this(text, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public CounterExampleSpec(@JsonProperty("text") String text, @JsonProperty("type") String type,
                                  @JsonProperty("reference_date") String referenceDate) {
            this.text = text;
            this.type = type;
            this.referenceDate = referenceDate;
        }

        public String text() {
            return text;
        }

        public String type() {
            return type;
        }

        public String referenceDate() {
            return referenceDate;
        }
    }
}
