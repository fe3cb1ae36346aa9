package org.tiqu.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The sha256 of tiqu's own compiled code (every class under {@code org/tiqu/}, by name
 * and bytes, in name order), whether it runs from the jar or from a classes folder. A
 * batch redoes documents made by other code: a fixed extractor must not leave old
 * records in place because the rules did not change.
 */
final class CodeDigest {

    private static final String PREFIX = "org/tiqu/";
    private static String value;

    private CodeDigest() {
    }

    static synchronized String value() {
        if (value == null) {
            value = compute();
        }
        return value;
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path location = Path.of(CodeDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location.resolve(PREFIX))) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        add(sha, location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = jar.stream().filter(e -> e.getName().startsWith(PREFIX) && !e.isDirectory())
                            .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry e : entries) {
                        try (InputStream in = jar.getInputStream(e)) {
                            add(sha, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tiqu's own code", e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(MessageDigest sha, String name, byte[] bytes) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
    }
}
