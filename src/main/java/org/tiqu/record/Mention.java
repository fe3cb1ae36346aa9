package org.tiqu.record;

import java.util.Objects;

import org.tiqu.text.Span;

/** A typed span of a document with its normalised value: ORG, MONEY, PERCENT, QUANTITY, DATE or DURATION. */
public record Mention(String doc, RecordType type, Span span, String text, Value value, Provenance provenance)
        implements Record {

    public Mention {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (!type.isMention()) {
            throw new IllegalArgumentException("a mention cannot be of type " + type);
        }
    }
}
