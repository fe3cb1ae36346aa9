package org.tiqu.record;

import org.tiqu.text.Span;

/** An output record: a mention or a metric, grounded in its document's text. */
public sealed interface Record permits Mention, Metric {

    String doc();

    RecordType type();

    Span span();

    /** The exact source slice at {@link #span()}. */
    String text();

    Provenance provenance();
}
