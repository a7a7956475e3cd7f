package io.pra.kit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.Database;

/**
 * A fresh database on the test kit's PostgreSQL with the kit's tables in schema {@code kit}, migrated from the kit's
 * own Flyway locations as a service migrates them; fixtures write rows the way the kit's writers do.
 */
public final class KitDatabase implements AutoCloseable {

    /** The schema the kit's tables live in, as a service's own schema. */
    public static final String SCHEMA = "kit";

    private final Database database;
    private final PGSimpleDataSource dataSource;

    private KitDatabase(Database database) {
        this.database = database;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        dataSource.setCurrentSchema(SCHEMA);
    }

    /** Creates the database and applies every kit migration. */
    public static KitDatabase create() {
        KitDatabase kit = new KitDatabase(SharedInfrastructure.postgres().createDatabase("kit"));
        Flyway.configure()
                .dataSource(kit.database.jdbcUrl(), kit.database.username(), kit.database.password())
                .schemas(SCHEMA)
                .locations("classpath:db/kit/outbox", "classpath:db/kit/processed")
                .load()
                .migrate();
        return kit;
    }

    /** Connections whose unqualified tables are the kit's. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Appends one outbox row (payload {@code {"seq": n}}) for {@code key}, as the writer does; returns its id. */
    public UUID appendOutbox(Connection connection, String topic, String key, int seq) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event "
                + "(id, topic, record_key, type, source, subject, occurred_at, payload) "
                + "VALUES (?, ?, ?, 'pra.site.up', '/pra/kit-test/it', ?, now(), CAST(? AS jsonb))")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, key);
            insert.setString(5, "{\"seq\": " + seq + "}");
            insert.executeUpdate();
        }
        return id;
    }

    /** Runs {@code sql} with one timestamp parameter. */
    public int update(String sql, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            return statement.executeUpdate();
        }
    }

    /** The number of rows {@code sql} (a {@code SELECT count(*)}) counts. */
    public long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                var result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() {
        SharedInfrastructure.postgres().dropDatabase(database);
    }
}
