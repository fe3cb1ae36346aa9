package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code rules/}, {@code seeds/} and {@code output/} are when not given: in the
 * working folder when it has them, else beside the installation ({@code tiqu.home},
 * set by the launcher), so that {@code ./tiqu} works from anywhere.
 */
final class Defaults {

    private Defaults() {
    }

    /**
     * The output folder when {@code --out} is not given: {@code output/} of the working folder,
     * always (the README's promise): run from elsewhere, a batch must not write into the
     * installation's folder.
     */
    static Path outputPath() {
        return Path.of("output");
    }

    static Path projectPath(String name) {
        Path local = Path.of(name);
        if (Files.exists(local)) {
            return local;
        }
        String home = System.getProperty("tiqu.home");
        if (home != null && Files.exists(Path.of(home, name))) {
            return Path.of(home, name);
        }
        return local;
    }
}
