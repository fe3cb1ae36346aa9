package org.tiqu.extract;

import java.util.List;

import org.tiqu.document.Document;
import org.tiqu.record.Candidate;

/**
 * Finds candidates of one concern in a document. Extractors are built once from
 * the rules and shared by every thread, so {@link #extract} keeps no state between calls.
 */
public interface Extractor {

    /** A short name for timings and messages ({@code percent}, {@code money}). */
    String name();

    List<Candidate> extract(Document document);
}
