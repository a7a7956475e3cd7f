package io.pra.opschecks;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs one of the real tools (kubectl, promtool, terraform, ansible, yamllint) and returns its output. */
final class Tool {

    static final String INSTALL_HINT = "install it with deploy/checks/install-tools.sh (.ci/run does)";

    /** Exit code and combined stdout + stderr of one run. */
    record Result(int exitCode, String output, List<String> command) {

        Result assertSuccess() {
            if (exitCode != 0) {
                fail("%s exited with %d:%n%s", String.join(" ", command), exitCode, output);
            }
            return this;
        }
    }

    private Tool() {
    }

    /** The tool's executable on the PATH; the calling test fails, naming the install script, when it is missing. */
    static Path require(String name) {
        return find(name).orElseGet(() -> {
            fail("%s is not on the PATH: %s", name, INSTALL_HINT);
            return null;
        });
    }

    static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Result run(Path workDir, Map<String, String> env, long timeoutSeconds, String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        full.set(0, require(command[0]).toString());
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Path log = Files.createTempFile("pra-ops-check", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %d s", String.join(" ", command), timeoutSeconds);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), output, List.of(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(Path workDir, String... command) {
        return run(workDir, Map.of(), 120, command);
    }
}
