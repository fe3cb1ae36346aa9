package org.tiqu.record;

/** The record types of ANNOTATION.md. */
public enum RecordType {
    ORG, MONEY, PERCENT, QUANTITY, DATE, DURATION, METRIC;

    public boolean isMention() {
        return this != METRIC;
    }
}
