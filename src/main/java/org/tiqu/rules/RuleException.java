package org.tiqu.rules;

import java.nio.file.Path;

import org.tiqu.TiquException;

/** A rules file that cannot be used: the message names the file, the line and the reason. */
public class RuleException extends TiquException {

    private final Path file;
    private final int line;

    public RuleException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public RuleException(Path file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
