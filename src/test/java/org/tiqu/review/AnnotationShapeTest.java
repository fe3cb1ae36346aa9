package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The checks a reviewer's corrected record passes before it is stored, and the gold shape. */
class AnnotationShapeTest {

    static final int[] TEXT = "收入完成13.72亿元，𠀀增长15.28%".codePoints().toArray();

    static JsonNode json(String s) throws Exception {
        return ReviewDatabaseTest.JSON.readTree(s);
    }

    @Test
    void aCorrectionTakesItsTextFromTheSourceAndItsNumbersAsText() throws Exception {
        ObjectNode c = AnnotationShape.correction(json("{\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"text\":\"whatever\","
                + "\"value\":{\"amount\":1372000000.0,\"currency\":\"CNY\"}}"), "d", TEXT);
        assertEquals("{\"doc\":\"d\",\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"text\":\"13.72亿元\","
                + "\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"}}", c.toString());
        ObjectNode afterAstral = AnnotationShape.correction(json("{\"type\":\"PERCENT\",\"begin\":15,\"end\":21,"
                + "\"value\":{\"percent\":\"15.28\"}}"), "d", TEXT);
        assertEquals("15.28%", afterAstral.get("text").asText(), "offsets count code points");
    }

    @Test
    void aMetricNeedsItsFields() throws Exception {
        ObjectNode m = AnnotationShape.correction(json("{\"type\":\"METRIC\",\"begin\":0,\"end\":11,\"indicator\":\"收入\","
                + "\"subject\":\"\",\"period\":2024,\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},"
                + "\"change\":null,\"modality\":\"actual\"}"), "d", TEXT);
        assertTrue(m.get("subject").isNull());
        assertEquals("2024", m.get("period").asText());
        assertEquals(AnnotationShape.METRIC_FIELDS, iterable(m));
    }

    private static java.util.List<String> iterable(ObjectNode o) {
        java.util.List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBadCorrectionIsRefusedSayingWhy() {
        assertRefused("{\"type\":\"MONEY\",\"begin\":4,\"end\":40,\"value\":{\"amount\":\"1\"}}", "not a span");
        assertRefused("{\"type\":\"MONEY\",\"begin\":4,\"end\":4,\"value\":{\"amount\":\"1\"}}", "not a span");
        assertRefused("{\"type\":\"MONEY\",\"begin\":\"4\",\"end\":11,\"value\":{\"amount\":\"1\"}}", "whole numbers");
        assertRefused("{\"type\":\"MONY\",\"begin\":4,\"end\":11,\"value\":{}}", "type must be");
        assertRefused("{\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"value\":{\"amount\":\"1\"},\"indicator\":\"x\"}", "unknown field 'indicator'");
        assertRefused("{\"type\":\"MONEY\",\"begin\":4,\"end\":11}", "value is required");
        assertRefused("{\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"value\":{\"amount\":[1]}}", "value.amount must be text");
        assertRefused("{\"type\":\"METRIC\",\"begin\":0,\"end\":11,\"indicator\":\"收入\",\"value\":{\"amount\":\"1\"},"
                + "\"modality\":\"maybe\"}", "modality must be");
        assertRefused("{\"type\":\"METRIC\",\"begin\":0,\"end\":11,\"indicator\":\" \",\"value\":{\"amount\":\"1\"},"
                + "\"modality\":\"actual\"}", "indicator");
        assertRefused("{\"doc\":\"other\",\"type\":\"ORG\",\"begin\":0,\"end\":2,\"value\":{\"name\":\"x\"}}", "doc must stay");
        assertRefused("[1]", "JSON object");
    }

    private static void assertRefused(String json, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnnotationShape.correction(json(json), "d", TEXT), json);
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
