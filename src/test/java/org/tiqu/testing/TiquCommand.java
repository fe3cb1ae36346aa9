package org.tiqu.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.tiqu.cli.Main;

/** A tiqu command run in this JVM, with what it wrote on stderr: for exit codes and messages. */
public final class TiquCommand {

    private TiquCommand() {
    }

    /** Its exit code and its stderr. */
    public record Result(int exitCode, String stderr) {
    }

    public static Result run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
