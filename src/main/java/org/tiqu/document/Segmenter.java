package org.tiqu.document;

import java.util.List;

/**
 * Word segmentation. Implementations must return terms that are exact slices of the
 * text given, with code-point spans relative to its start, and be safe on many threads.
 */
public interface Segmenter {

    List<Term> segment(String text);

    /**
     * Whether {@code word} is a place name in the segmenter's dictionaries (a county, city,
     * province or country), looked up without segmenting: the linker asks it of the few
     * strings that end with an administrative suffix. None by default.
     */
    default boolean isPlaceName(String word) {
        return false;
    }
}
