package org.tiqu.output;

import org.tiqu.TiquException;

/**
 * An output folder that cannot be used as it is: a file where a folder should be, a folder
 * another run is writing, a manifest or journal that cannot be read, or one that names a file
 * outside the folder. Nothing is written; the message says which file and why.
 */
public class OutputFolderException extends TiquException {

    public OutputFolderException(String message) {
        super(message);
    }

    public OutputFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
