package org.tiqu.review;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.output.Canonical;

/**
 * What a verdict is about: a record's type and span, and for a metric its value too (one
 * span may hold several metrics, one per value). A verdict outlives re-extraction through
 * its key: the record of the new output with the same key is the one it judged.
 *
 * @param valueKey a metric's value as canonical JSON (keys sorted, nulls dropped, numbers
 *                 as plain decimals), so that {@code "1.50"} and {@code "1.5"} are one key;
 *                 empty for mentions
 */
public record RecordKey(String type, int begin, int end, String valueKey) {

    public static final String METRIC = "METRIC";
    /** Maps are {@link Canonical}'s sorted ones; decimals are written plain ({@code 1372000000}, not {@code 1.372E+9}). */
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    public RecordKey {
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("a record key needs a type");
        }
        valueKey = valueKey == null ? "" : valueKey;
    }

    public static RecordKey of(JsonNode record) {
        String type = record.path("type").asText();
        return new RecordKey(type, record.path("begin").asInt(-1), record.path("end").asInt(-1),
                METRIC.equals(type) ? canonicalJson(record.get("value")) : "");
    }

    /** A field as canonical JSON text: equal for two fields exactly when {@link Canonical} says they are equal. */
    public static String canonicalJson(JsonNode field) {
        try {
            return CANONICAL.writeValueAsString(Canonical.of(field));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical values are maps, lists, decimals and text", e);
        }
    }

    @Override
    public String toString() {
        return type + " [" + begin + ", " + end + ")" + (valueKey.isEmpty() ? "" : " " + valueKey);
    }
}
