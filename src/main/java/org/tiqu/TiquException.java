package org.tiqu;

/**
 * The root of tiqu's own errors. Subclasses say where the problem is (a file and
 * line, a rule id) so that the message alone lets a user fix it; the command line
 * maps each subclass to an exit code in one table.
 */
public class TiquException extends RuntimeException {

    public TiquException(String message) {
        super(message);
    }

    public TiquException(String message, Throwable cause) {
        super(message, cause);
    }
}
