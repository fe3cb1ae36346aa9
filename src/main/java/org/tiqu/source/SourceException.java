package org.tiqu.source;

import java.nio.file.Path;

import org.tiqu.TiquException;

/** A source file that cannot be turned into text: it is reported by name and skipped. */
public class SourceException extends TiquException {

    /** Why a file was refused; the manifest records the name. */
    public enum Reason { UNREADABLE, EMPTY, BINARY, UNKNOWN_ENCODING, MALFORMED, UNSUPPORTED }

    private final Path path;
    private final Reason reason;

    public SourceException(Path path, Reason reason, String detail) {
        super(path + ": " + detail);
        this.path = path;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
