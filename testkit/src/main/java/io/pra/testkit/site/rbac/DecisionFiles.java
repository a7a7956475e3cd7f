package io.pra.testkit.site.rbac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Decisions files: what the ServiceAccounts did on a fake site, one JSON {@link DecisionRecord} per line, written when
 * the site closes if the system property {@value #DIRECTORY_PROPERTY} names a directory (the build sets it for
 * integration tests). ops-checks reads them all to find the grants of {@code deploy/} no flow used.
 */
public final class DecisionFiles {

    /** System property naming the directory decisions files are written to. */
    public static final String DIRECTORY_PROPERTY = "pra.testkit.rbac-decisions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionFiles() {
    }

    /** The directory {@value #DIRECTORY_PROPERTY} names, if set. */
    public static Optional<Path> configuredDirectory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY, "").trim();
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Writes the distinct decisions about every user but the test kit's own admin to a new file in {@code dir}. */
    public static Path write(Path dir, String siteId, AuthorizationLog log) {
        List<String> lines = new ArrayList<>();
        log.distinct().forEach((decision, count) -> {
            if (!decision.user().equals(UserInfo.ADMIN)) {
                lines.add(json(DecisionRecord.of(decision, count)));
            }
        });
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve("site-" + siteId + "-" + UUID.randomUUID() + ".jsonl"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decisions of site " + siteId + " to " + dir, e);
        }
    }

    /** Every record of every decisions file in {@code dir}; none when it does not exist. */
    public static List<DecisionRecord> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<DecisionRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        records.add(JSON.readValue(line, DecisionRecord.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decisions files in " + dir, e);
        }
        return records;
    }

    private static String json(DecisionRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
