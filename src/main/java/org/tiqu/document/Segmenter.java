package org.tiqu.document;

import java.util.List;

/**
 * Word segmentation. Implementations must return terms that are exact slices of the
 * text given, with code-point spans relative to its start, and be safe on many threads.
 */
public interface Segmenter {

    List<Term> segment(String text);
}
