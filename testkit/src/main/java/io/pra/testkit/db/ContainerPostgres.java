package io.pra.testkit.db;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, for users who have a Docker engine and ask for it. */
final class ContainerPostgres implements PostgresBackend {

    /** The image PRA deploys against; see deploy/. */
    static final String IMAGE = "postgres:16-alpine";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static PostgresServer.StartAttempt start() {
        return () -> {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("PRA_DB=testcontainers but no Docker engine answers");
            }
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            return new ContainerPostgres(container);
        };
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "PostgreSQL container " + IMAGE;
    }

    @Override
    public boolean isOwned() {
        return true;
    }

    @Override
    public void close() {
        container.stop();
    }
}
