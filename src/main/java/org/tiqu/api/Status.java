package org.tiqu.api;

/** Whether a document's records were made ({@code ok}) or not ({@code failed}, with the reason). */
public enum Status {
    /** The document was read and its records made (possibly none). */
    OK,
    /** The document could not be read (binary, empty, undecodable), or stopped (time budget, heap). */
    FAILED;

    /** As the manifest writes it: {@code ok} or {@code failed}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
