package org.tiqu.record;

/**
 * Where a record comes from, beyond its offsets: the rule that fired, the index of
 * its sentence, and the section heading it falls under (or null).
 */
public record Provenance(String rule, int sentence, String section) {
}
