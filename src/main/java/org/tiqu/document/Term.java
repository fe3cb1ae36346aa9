package org.tiqu.document;

import org.tiqu.text.Span;

/** A word of the segmentation with its part of speech, at its exact place in the source. */
public record Term(Span span, String word, String pos) {
}
