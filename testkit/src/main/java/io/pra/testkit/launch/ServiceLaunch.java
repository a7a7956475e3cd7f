package io.pra.testkit.launch;

import java.time.Duration;
import java.util.Locale;

import io.pra.testkit.db.Database;

/**
 * The settings one PRA service process starts with, typed; {@link #settings()} is the one place that spells them as
 * the service's configuration keys (docs/configuration.md). Each service's test suite checks those keys against the
 * service's config mappings ({@link LaunchKeyCheck}), so a renamed setting fails that service's build.
 */
public abstract class ServiceLaunch {

    /**
     * Agroal's default is 5 s; several JVMs booting at once on two cores make PostgreSQL slow to hand out the first
     * connections, and Flyway must wait for one rather than fail the start-up.
     */
    static final Duration DATABASE_ACQUISITION_TIMEOUT = Duration.ofSeconds(60);

    private final String module;
    private final String name;
    private final int httpPort;
    private final String kafkaBootstrap;
    private final Database database;

    /**
     * @param module the service's Maven module, e.g. {@code backup-service}
     * @param name the process's name (its log file, its messages)
     * @param database its database, or null for a service without one
     */
    ServiceLaunch(String module, String name, int httpPort, String kafkaBootstrap, Database database) {
        this.module = module;
        this.name = name;
        this.httpPort = httpPort;
        this.kafkaBootstrap = kafkaBootstrap;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Where the service answers: it listens on the loopback interface only. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Every setting, rendered as configuration properties and environment variables. */
    public final LaunchSettings settings() {
        LaunchSettings.Builder settings = new LaunchSettings.Builder()
                .put("quarkus.http.port", httpPort)
                .put("quarkus.http.host", "127.0.0.1")
                .env("PRA_KAFKA_BOOTSTRAP", kafkaBootstrap);
        if (database != null) {
            String prefix = "PRA_" + module.replace("-service", "").toUpperCase(Locale.ROOT) + "_DB_";
            settings.put("quarkus.datasource.jdbc.acquisition-timeout", DATABASE_ACQUISITION_TIMEOUT)
                    .env(prefix + "URL", database.jdbcUrl())
                    .env(prefix + "USER", database.username())
                    .env(prefix + "PASSWORD", database.password() == null ? "" : database.password());
        }
        render(settings);
        return settings.build();
    }

    /** Adds the service's own settings. */
    abstract void render(LaunchSettings.Builder settings);
}
