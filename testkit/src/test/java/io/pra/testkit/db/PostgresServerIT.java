package io.pra.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class PostgresServerIT {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.fromEnvironment(Map.of(PostgresServer.MODE_ENV, "embedded"));
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    @Test
    void createsIsolatedDatabasesOnARealServer() throws SQLException {
        Database first = server.createDatabase("kit");
        Database second = server.createDatabase("kit");

        execute(first, "CREATE TABLE probe (id int PRIMARY KEY)");
        execute(first, "INSERT INTO probe VALUES (1)");

        assertThat(first.name()).startsWith("kit_").isNotEqualTo(second.name());
        assertThat(query(first, "SELECT count(*) FROM probe")).isEqualTo(1);
        assertThat(query(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'probe'")).isZero();
        assertThat(query(first, "SELECT current_setting('server_version_num')::int")).isGreaterThan(140000);
        server.dropDatabase(first);
        server.dropDatabase(second);
    }

    @Test
    void dropRemovesTheDatabaseEvenWithOpenConnections() throws SQLException {
        Database database = server.createDatabase("kit_drop");
        try (Connection open = connect(database)) {
            server.dropDatabase(database);
        }

        assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining(database.name());
    }

    @Test
    void restartKeepsPortAndData() throws SQLException {
        Database database = server.createDatabase("kit_restart");
        execute(database, "CREATE TABLE kept (id int)");

        server.stop();
        assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class);
        server.start();

        assertThat(query(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'")).isEqualTo(1);
        server.dropDatabase(database);
    }

    @Test
    void passwordStaysOutOfToString() {
        Database database = new Database("x", "jdbc:postgresql://h/x", "u", "s3cret");

        assertThat(database.toString()).doesNotContain("s3cret");
    }

    @Test
    void failureSaysWhatWasTriedAndWhy() {
        assertThatThrownBy(() -> PostgresServer.fromEnvironment(Map.of(
                PostgresServer.URL_ENV, "jdbc:postgresql://127.0.0.1:1/postgres",
                PostgresServer.USER_ENV, "nobody")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("external server at jdbc:postgresql://127.0.0.1:1/postgres")
                .hasMessageContaining("Connection")
                .hasMessageContaining("PRA_DB_URL");

        assertThatThrownBy(() -> PostgresServer.fromEnvironment(Map.of(PostgresServer.URL_ENV, "postgres://db/x")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("PRA_DB_URL must look like jdbc:postgresql://host:port/database");
        assertThatThrownBy(() -> PostgresServer.fromEnvironment(Map.of(PostgresServer.MODE_ENV, "external")))
                .hasMessageContaining("PRA_DB_URL is not set");
        assertThatThrownBy(() -> PostgresServer.fromEnvironment(Map.of(PostgresServer.MODE_ENV, "h2")))
                .hasMessageContaining("PRA_DB=h2: unknown");
    }

    @Test
    void testcontainersWithoutADockerEngineSaysSo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine answers here");

        assertThatThrownBy(() -> PostgresServer.fromEnvironment(Map.of(PostgresServer.MODE_ENV, "testcontainers")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Testcontainers: PRA_DB=testcontainers but no Docker engine answers");
    }

    @Test
    void externalServerUsesTheGivenUrl() {
        PostgresServer embedded = server;
        Database probe = embedded.createDatabase("kit_ext");
        String maintenanceUrl = probe.jdbcUrl().replace(probe.name(), "postgres");

        try (PostgresServer external = PostgresServer.fromEnvironment(Map.of(
                PostgresServer.URL_ENV, maintenanceUrl, PostgresServer.USER_ENV, probe.username()))) {
            Database database = external.createDatabase("kit_via_url");
            assertThat(database.jdbcUrl()).isEqualTo(maintenanceUrl.replace("/postgres", "/" + database.name()));
            assertThat(external.isOwned()).isFalse();
            external.dropDatabase(database);
        }
        embedded.dropDatabase(probe);
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int query(Database database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
