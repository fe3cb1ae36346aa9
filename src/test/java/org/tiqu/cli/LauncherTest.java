package org.tiqu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tiqu} launcher as a user meets it, in a real shell: an installation (a copy of the
 * launcher, sources, rules and a jar) and a PATH with Java and the shell's tools but no Maven.
 * The jar is a small one whose manifest points at the test class path, so that no build is needed.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private Path home;
    private Path bin;
    private Path work;

    @BeforeEach
    void install() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        Files.copy(Path.of("tiqu"), home.resolve("tiqu"));
        Files.setPosixFilePermissions(home.resolve("tiqu"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(home.resolve("rules"), Path.of("rules").toAbsolutePath());
        Path source = Files.createDirectories(home.resolve("src/main")).resolve("Main.java");
        Files.writeString(source, "// sources\n");
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(source, old);
        Files.setLastModifiedTime(home.resolve("pom.xml"), old);
        writeJar(Files.createDirectories(home.resolve("target")).resolve("tiqu.jar"));

        bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("bash", "env", "dirname", "find", "rm", "mv", "cat", "grep", "sed", "tee")) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(folder, tool);
                if (Files.isExecutable(found) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), found);
                }
            }
        }
        work = Files.createDirectories(dir.resolve("work"));
    }

    /** A jar whose manifest runs tiqu's Main from the test class path. */
    private static void writeJar(Path jar) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.tiqu.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run tiqu(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("tiqu").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", bin.toString());
        env.put("HOME", dir.toString());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not end: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsWithJavaAloneAndWritesOutputInTheWorkingFolder() throws Exception {
        Run version = tiqu("--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().contains("tiqu 0.1.0"), version.stdout());
        assertFalse(version.stderr().contains("Maven"), version.stderr());

        Files.writeString(work.resolve("a.txt"), "营收增长15%。\n");
        Run extract = tiqu("extract", "a.txt", "--progress", "log");
        assertEquals(0, extract.exitCode(), extract.stderr());
        assertTrue(Files.isRegularFile(work.resolve("output/records/a.jsonl")), "output/ of the working folder: " + extract.stderr());
        assertFalse(Files.exists(home.resolve("output")), "not the installation's");
        Run audit = tiqu("audit");
        assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());
    }

    @Test
    void aStaleJarWithoutMavenSaysSoAndABuildShowsItsSteps() throws Exception {
        Files.setLastModifiedTime(home.resolve("src/main/Main.java"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run stale = tiqu("--version");
        assertEquals(2, stale.exitCode());
        assertTrue(stale.stderr().contains("older than the sources and Maven is not on PATH"), stale.stderr());

        // A stand-in for Maven that prints the step lines Maven prints and makes the jar current.
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, String.join("\n", "#!/usr/bin/env bash",
                "echo '[INFO] Scanning for projects...'",
                "echo '[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ tiqu ---'",
                "echo '[INFO] --- maven-shade-plugin:3.6.0:shade (default) @ tiqu ---'",
                "touch -d '+2 minutes' target/tiqu.jar 2>/dev/null || touch target/tiqu.jar",
                "echo '[INFO] BUILD SUCCESS'", ""));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(bin.resolve("touch"), Path.of(Files.isExecutable(Path.of("/usr/bin/touch")) ? "/usr/bin/touch" : "/bin/touch"));
        Run built = tiqu("--version");
        assertEquals(0, built.exitCode(), built.stderr());
        assertTrue(built.stderr().contains("tiqu: building"), built.stderr());
        assertTrue(built.stderr().contains("tiqu: build: maven-compiler-plugin:3.13.0:compile (default-compile)"), built.stderr());
        assertTrue(built.stderr().contains("tiqu: build: maven-shade-plugin"), built.stderr());
        assertTrue(built.stdout().contains("tiqu 0.1.0"), built.stdout());
    }
}
