package io.pra.cli.drill;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.pra.events.EventJson;

/** Where the repository and the drill's outputs are, for the end-to-end tests. */
final class DrillFixtures {

    private DrillFixtures() {
    }

    /** The repository root: {@code pra.root} (set by the build), else the first parent holding scenarios/. */
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

    static Path reportsDir() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "scenario-reports").toAbsolutePath());
    }

    static JsonNode read(Path report) throws java.io.IOException {
        return EventJson.mapper().readTree(report.toFile());
    }

    /** The failed expectations and steps of a report, for assertion messages. */
    static String failures(Path report) {
        try {
            JsonNode json = read(report);
            return "failed expectations " + json.path("failedExpectations") + ", steps " + json.path("steps")
                    + ", measured " + json.path("measured") + ", notes " + json.path("notes");
        } catch (Exception e) {
            return "(no report: " + e.getMessage() + ")";
        }
    }
}
