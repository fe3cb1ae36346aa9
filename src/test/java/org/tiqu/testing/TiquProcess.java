package org.tiqu.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code tiqu} process, started as the launcher starts it (its stack and, unless told
 * otherwise, its heap) on the test class path: for what only a process shows — exit codes,
 * kills, locks, a small heap.
 */
public final class TiquProcess {

    /** The launcher's JVM options (see {@code ./tiqu}). */
    public static final List<String> LAUNCHER_OPTIONS = List.of("-Xss8m", "-Xmx192m", "-XX:+UseParallelGC");

    private TiquProcess() {
    }

    /** What a finished process gave. */
    public record Finished(int exitCode, String output) {
    }

    /** Starts {@code tiqu args} with {@code jvmOptions}, its stdout and stderr both going to {@code log}. */
    public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classpath, "org.tiqu.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code tiqu args} to its end (at most {@code seconds}) with the launcher's options. */
    public static Finished run(Path log, long seconds, String... args) throws IOException, InterruptedException {
        return run(log, seconds, LAUNCHER_OPTIONS, args);
    }

    public static Finished run(Path log, long seconds, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Process p = start(log, jvmOptions, args);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tiqu " + String.join(" ", args) + " did not end within " + seconds + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Finished(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** What a finished process wrote on each stream. */
    public record Streams(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs {@code tiqu args} in {@code workingDir} with {@code stdin} as its standard input (null:
     * none), keeping standard output and standard error apart: for {@code extract - --stdout}.
     */
    public static Streams runIn(Path workingDir, byte[] stdin, long seconds, String... args)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classpath, "org.tiqu.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workingDir.getParent(), "stdout", ".bin");
        Path err = Files.createTempFile(workingDir.getParent(), "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = builder.start();
        if (stdin != null) {
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tiqu " + String.join(" ", args) + " did not end within " + seconds + " s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        Streams streams = new Streams(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return streams;
    }
}
