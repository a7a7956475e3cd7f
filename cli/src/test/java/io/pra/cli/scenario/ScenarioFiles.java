package io.pra.cli.scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (where {@code scenarios/} is) from a test run. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    static Path root() {
        String configured = System.getProperty("pra.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "scenarios"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scenarios"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no scenarios/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
