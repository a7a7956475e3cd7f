package io.pra.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server for tests and the drill, chosen in this order: an existing server named by
 * {@code PRA_DB_URL}; an embedded server (real PostgreSQL binaries from Maven Central); or a
 * Testcontainers container when {@code PRA_DB=testcontainers} and a Docker engine answers.
 *
 * <p>Each test class or service gets its own database from {@link #createDatabase(String)}, so
 * nothing one leaves behind can break another, nor a second run of the suite.
 */
public final class PostgresServer implements AutoCloseable {

    /** JDBC URL of an existing server's maintenance database, e.g. jdbc:postgresql://host:5432/postgres. */
    public static final String URL_ENV = "PRA_DB_URL";
    /** User for {@link #URL_ENV}; needs the CREATEDB privilege. */
    public static final String USER_ENV = "PRA_DB_USER";
    /** Password for {@link #URL_ENV}. */
    public static final String PASSWORD_ENV = "PRA_DB_PASSWORD";
    /** Forces one way: {@code external}, {@code embedded} or {@code testcontainers}. */
    public static final String MODE_ENV = "PRA_DB";

    private final PostgresBackend backend;

    private PostgresServer(PostgresBackend backend) {
        this.backend = backend;
    }

    /** Starts (or connects to) a server as the process environment says. */
    public static PostgresServer fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Starts (or connects to) a server as {@code env} says; see the class comment for the order. */
    public static PostgresServer fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(URL_ENV));
        String mode = blankToNull(env.get(MODE_ENV));
        mode = mode == null ? (url == null ? "embedded" : "external") : mode.toLowerCase(Locale.ROOT);
        List<String> attempts = new ArrayList<>();
        PostgresBackend backend = switch (mode) {
            case "external" -> {
                if (url == null) {
                    attempts.add("external: PRA_DB=external but PRA_DB_URL is not set");
                    throw new DatabaseUnavailableException(attempts, null);
                }
                String user = env.getOrDefault(USER_ENV, "postgres");
                String password = env.getOrDefault(PASSWORD_ENV, "");
                yield connect(() -> new ExternalPostgres(url, user, password), "external server at " + url, attempts);
            }
            case "embedded" -> connect(EmbeddedPostgresBackend.start(), "embedded PostgreSQL", attempts);
            case "testcontainers" -> connect(ContainerPostgres.start(), "Testcontainers", attempts);
            default -> {
                attempts.add("PRA_DB=" + mode + ": unknown; use external, embedded or testcontainers");
                throw new DatabaseUnavailableException(attempts, null);
            }
        };
        return new PostgresServer(backend);
    }

    private static PostgresBackend connect(StartAttempt attempt, String what, List<String> attempts) {
        PostgresBackend backend = null;
        try {
            backend = attempt.start();
            try (Connection ignored = backend.adminConnection()) {
                return backend;
            }
        } catch (Exception e) {
            if (backend != null) {
                backend.close();
            }
            attempts.add(what + ": " + rootMessage(e));
            throw new DatabaseUnavailableException(attempts, e);
        }
    }

    /** Creates a new, empty database whose name starts with {@code prefix}. */
    public Database createDatabase(String prefix) {
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        execute("CREATE DATABASE " + name);
        return new Database(name, backend.jdbcUrl(name), backend.username(), backend.password());
    }

    /** Drops a database made by {@link #createDatabase(String)}, closing its remaining connections. */
    public void dropDatabase(Database database) {
        execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    }

    /** Stops the server, keeping its data and port for {@link #start()} (embedded server only). */
    public void stop() {
        backend.stop();
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same data. */
    public void start() {
        backend.restart();
    }

    /** How the server was obtained, for logs and reports (no credentials). */
    public String description() {
        return backend.description();
    }

    /** Whether this kit started the server (and can stop and start it). */
    public boolean isOwned() {
        return backend.isOwned();
    }

    /** Stops a server this kit started and removes its data; leaves an external server alone. */
    @Override
    public void close() {
        backend.close();
    }

    private void execute(String sql) {
        try (Connection connection = backend.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + backend.description() + ": " + e.getMessage(), e);
        }
    }

    static Connection open(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One way of getting a server, which may fail. */
    @FunctionalInterface
    interface StartAttempt {
        PostgresBackend start() throws Exception;
    }
}
