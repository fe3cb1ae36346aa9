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
 * <p>These are plain field-bound classes rather than records on purpose: Jackson binds
 * records through their constructor and buffers the properties, so an unknown key
 * would be reported at the end of its object instead of on its own line.
 *
 * <pre>
 * type: PERCENT                # the record type its rules produce (absent for shared pieces)
 * namespace: percent           # how other files refer to its pieces; default: the file name
 * patterns: {NAME: regex}      # named sub-patterns, used as {namespace.NAME}
 * lexicons: {name: [words] or {word: value}}   # used as {namespace.name}
 * rules: [...]                 # see RuleSpec
 * </pre>
 */
public final class RuleFileSpec {

    @JsonProperty("type")
    private String type;
    @JsonProperty("namespace")
    private String namespace;
    @JsonProperty("description")
    private String description;
    @JsonProperty("patterns")
    private LinkedHashMap<String, Located> patterns;
    @JsonProperty("lexicons")
    private LinkedHashMap<String, LexiconSpec> lexicons;
    @JsonProperty("rules")
    private List<RuleSpec> rules;

    public String type() {
        return type;
    }

    public String namespace() {
        return namespace;
    }

    public String description() {
        return description;
    }

    public Map<String, Located> patterns() {
        return patterns == null ? Map.of() : patterns;
    }

    public Map<String, LexiconSpec> lexicons() {
        return lexicons == null ? Map.of() : lexicons;
    }

    public List<RuleSpec> rules() {
        return rules == null ? List.of() : rules;
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
    public static final class RuleSpec {
        @JsonProperty("id")
        private Located id;
        @JsonProperty("description")
        private String description;
        @JsonProperty("kind")
        private String kind;
        @JsonProperty("priority")
        private Integer priority;
        @JsonProperty("pattern")
        private Located pattern;
        @JsonProperty("params")
        private Map<String, Object> params;
        @JsonProperty("active")
        private Boolean active;
        @JsonProperty("examples")
        private List<ExampleSpec> examples;
        @JsonProperty("counter_examples")
        private List<CounterExampleSpec> counterExamples;

        public Located id() {
            return id;
        }

        public String description() {
            return description;
        }

        public String kind() {
            return kind;
        }

        public Integer priority() {
            return priority;
        }

        public Located pattern() {
            return pattern;
        }

        public Map<String, Object> params() {
            return params;
        }

        public Boolean active() {
            return active;
        }

        public List<ExampleSpec> examples() {
            return examples;
        }

        public List<CounterExampleSpec> counterExamples() {
            return counterExamples;
        }
    }

    /** Text in, records expected out. */
    public static final class ExampleSpec {
        @JsonProperty("text")
        private String text;
        @JsonProperty("reference_date")
        private String referenceDate;
        @JsonProperty("expect")
        private List<Map<String, Object>> expect;

        public String text() {
            return text;
        }

        public String referenceDate() {
            return referenceDate;
        }

        public List<Map<String, Object>> expect() {
            return expect;
        }
    }

    /** Text in which the rule's type must find nothing. Written as a bare string or {text, type}. */
    public static final class CounterExampleSpec {
        @JsonProperty("text")
        private String text;
        @JsonProperty("type")
        private String type;
        @JsonProperty("reference_date")
        private String referenceDate;

        public CounterExampleSpec() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public CounterExampleSpec(String text) {
            this.text = text;
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
