package org.tiqu.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void rejectsInvalidBoundsWithTheValuesInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Span(5, 3));
        assertTrue(e.getMessage().contains("[5, 3)"));
        assertThrows(IllegalArgumentException.class, () -> new Span(-1, 3));
    }

    @Test
    void overlapIsHalfOpen() {
        assertTrue(new Span(0, 3).overlaps(new Span(2, 4)));
        assertFalse(new Span(0, 3).overlaps(new Span(3, 4)));
        assertTrue(new Span(0, 5).contains(new Span(1, 5)));
    }
}
