package io.pra.testkit.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries zonky ships on Maven Central. It keeps its port
 * and data directory across {@link #stop()} and {@link #restart()}; {@link #close()} removes them.
 */
final class EmbeddedPostgresBackend implements PostgresBackend {

    private static final String USER = "postgres";

    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    private EmbeddedPostgresBackend(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    static PostgresServer.StartAttempt start() {
        return () -> {
            EmbeddedPostgresBackend backend = new EmbeddedPostgresBackend(Files.createTempDirectory("pra-pg-"));
            // Our own hook rather than zonky's: stopping and deleting in two concurrent hooks raced
            // (the server wrote pg_stat into a directory being deleted) and left it behind.
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "pra-postgres-shutdown"));
            backend.launch();
            return backend;
        };
    }

    private synchronized void launch() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                // Services of the drill each hold a pool; the default of 100 would be tight.
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off");
        if (port != 0) {
            builder.setPort(port);
        }
        server = builder.start();
        port = server.getPort();
    }

    @Override
    public synchronized String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public synchronized String description() {
        return "embedded PostgreSQL on port " + port + " (data in " + dataDirectory + ")";
    }

    @Override
    public boolean isOwned() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop " + description(), e);
            }
            server = null;
        }
    }

    @Override
    public synchronized void restart() {
        if (server == null) {
            try {
                launch();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + description(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (var paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dataDirectory, e);
        }
    }
}
