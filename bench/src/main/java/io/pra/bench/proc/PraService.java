package io.pra.bench.proc;

import io.pra.testkit.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PRA service as a separate process: {@code java <jvm options> -jar <module>/target/quarkus-app/quarkus-run.jar}
 * in its own working directory, configured by {@code config/application.properties} there (Quarkus reads it with a
 * higher priority than the packaged file), as docs/configuration.md describes.
 */
public final class PraService implements AutoCloseable {

    private final Child child;
    private final int port;
    private final long readyNanos;

    private PraService(Child child, int port, long readyNanos) {
        this.child = child;
        this.port = port;
        this.readyNanos = readyNanos;
    }

    /** Settings of one service start. */
    public static final class Launch {
        private final String service;
        private final String name;
        private final Map<String, String> settings = new LinkedHashMap<>();

        public Launch(String service, String name) {
            this.service = service;
            this.name = name;
        }

        public Launch set(String key, Object value) {
            settings.put(key, String.valueOf(value));
            return this;
        }

        public Launch kafka(String bootstrap) {
            return set("kafka.bootstrap.servers", bootstrap);
        }

        public Launch database(Database database) {
            return set("quarkus.datasource.jdbc.url", database.jdbcUrl())
                    .set("quarkus.datasource.username", database.username())
                    .set("quarkus.datasource.password", database.password() == null ? "" : database.password());
        }

        /** Starts the service and waits until {@code /q/health/ready} answers 200. */
        public PraService start(Workspace workspace, List<String> jvmOptions, Duration readyBound) {
            return begin(workspace, jvmOptions).awaitReady(readyBound);
        }

        /** Starts the service without waiting, so several can boot at once. */
        public Starting begin(Workspace workspace, List<String> jvmOptions) {
            Path dir = workspace.dir(name);
            int port = Ports.free();
            set("quarkus.http.port", port);
            writeConfig(dir.resolve("config/application.properties"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(workspace.serviceJar(service).toString());
            return new Starting(Child.start(name, command, dir, Map.of()), port);
        }

        private void writeConfig(Path file) {
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    for (Map.Entry<String, String> setting : settings.entrySet()) {
                        out.write(setting.getKey() + "=" + escape(setting.getValue()) + "\n");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\");
        }
    }

    /** A service process that is booting. */
    public record Starting(Child child, int port) {

        /** Waits until {@code /q/health/ready} answers 200; stops the process when it does not in time. */
        public PraService awaitReady(Duration bound) {
            try {
                long ready = Http.awaitOk("http://127.0.0.1:" + port + "/q/health/ready", child, bound);
                return new PraService(child, port, ready);
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
        }
    }

    public Child child() {
        return child;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Seconds from process start to the first 200 from {@code /q/health/ready}. */
    public double secondsToReady() {
        return (readyNanos - child.startedNanos()) / 1e9;
    }

    @Override
    public void close() {
        child.close();
    }
}
