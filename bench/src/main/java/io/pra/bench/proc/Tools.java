package io.pra.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Debian-packaged tools PRA is compared with, found on the PATH or in /usr/bin. */
public final class Tools {

    /** Executable of the {@code prometheus} package. */
    public static final String PROMETHEUS = "prometheus";
    /** Executable of the {@code prometheus-blackbox-exporter} package. */
    public static final String BLACKBOX = "prometheus-blackbox-exporter";
    /** Executable of the {@code prometheus-alertmanager} package. */
    public static final String ALERTMANAGER = "prometheus-alertmanager";

    private final Map<String, Path> binaries;

    private Tools(Map<String, Path> binaries) {
        this.binaries = binaries;
    }

    /** Finds the three tools, or fails naming the ones missing and the script that installs them. */
    public static Tools find() {
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String tool : List.of(PROMETHEUS, BLACKBOX, ALERTMANAGER)) {
            Path path = locate(tool);
            if (path == null) {
                missing.add(tool);
            } else {
                found.put(tool, path);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing Debian package(s) " + String.join(", ", missing)
                    + ": run bench/install-tools.sh (or bench/run, which calls it) to install them with apt-get");
        }
        return new Tools(found);
    }

    public Path path(String tool) {
        return binaries.get(tool);
    }

    /** First line of {@code <tool> --version} for each tool. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        binaries.forEach((tool, path) -> versions.put(tool, version(path)));
        return versions;
    }

    private static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return out.lines().findFirst().orElse("unknown").trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static Path locate(String tool) {
        String pathEnv = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(pathEnv.split(":")));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
