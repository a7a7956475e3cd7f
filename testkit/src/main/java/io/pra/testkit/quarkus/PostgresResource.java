package io.pra.testkit.quarkus;

import java.util.Map;

import io.pra.testkit.db.Database;
import io.pra.testkit.SharedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving the application a fresh PostgreSQL database on the JVM's shared
 * server (see {@link io.pra.testkit.db.PostgresServer} for how the server is found), dropped when
 * the application stops.
 *
 * <p>Init arg {@code database}: prefix of the database name (default {@code pra}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String prefix = "pra";
    private Database database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        database = SharedInfrastructure.postgres().createDatabase(prefix);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            SharedInfrastructure.postgres().dropDatabase(database);
            database = null;
        }
    }
}
