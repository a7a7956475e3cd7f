package io.pra.testkit.db;

import java.sql.Connection;
import java.sql.SQLException;

/** One way of having a PostgreSQL server: external, embedded or in a container. */
interface PostgresBackend extends AutoCloseable {

    /** A JDBC URL for the named database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    String description();

    boolean isOwned();

    /** A connection to the maintenance database, for CREATE and DROP DATABASE. */
    default Connection adminConnection() throws SQLException {
        return PostgresServer.open(jdbcUrl("postgres"), username(), password());
    }

    default void stop() {
        throw new UnsupportedOperationException(description() + " cannot be stopped by the test kit");
    }

    default void restart() {
        throw new UnsupportedOperationException(description() + " cannot be started by the test kit");
    }

    @Override
    void close();
}
