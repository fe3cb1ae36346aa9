package org.tiqu.document;

/**
 * Finds a document's reference time from its own text (dated statements, the
 * dominant reported year, a dateline) when none was given. Safe on many threads.
 */
public interface ReferenceInference {

    ReferenceTime infer(Document document);
}
