package org.tiqu.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tiqu.record.RecordType;

/**
 * A compiled rule: a pattern over the match view, what kind of thing it finds, how
 * strongly it claims its span, and the examples that prove it.
 *
 * @param type    the record type of the file the rule belongs to, or null
 * @param pattern the expanded, compiled pattern, or null for a rule that only carries knowledge
 * @param line    where the rule starts in its file
 */
public record Rule(String id, RuleFile file, int line, RecordType type, String kind, int priority,
                   Pattern pattern, Map<String, Object> params,
                   List<Example> examples, List<CounterExample> counterExamples) {

    public static final int DEFAULT_PRIORITY = 50;

    /** A string parameter, or {@code fallback} when the rule does not set it. */
    public String param(String key, String fallback) {
        Object v = params.get(key);
        return v == null ? fallback : v.toString();
    }

    @Override
    public String toString() {
        return id + " (" + file.path() + ":" + line + ")";
    }
}
