package org.tiqu.document;

import org.tiqu.text.Span;

/**
 * A sentence of a document.
 *
 * @param index     position among the document's sentences, from 0
 * @param span      its code points in the source, terminator included
 * @param paragraph index of the line-break-separated paragraph it belongs to, from 0
 * @param section   the heading it falls under ({@code （一）综合实力不断提升}), or null
 */
public record Sentence(int index, Span span, int paragraph, String section) {
}
