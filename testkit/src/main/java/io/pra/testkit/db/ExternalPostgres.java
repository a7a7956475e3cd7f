package io.pra.testkit.db;

import java.net.URI;

/** An existing PostgreSQL server named by {@code PRA_DB_URL}. */
final class ExternalPostgres implements PostgresBackend {

    private final String url;
    private final String username;
    private final String password;

    ExternalPostgres(String url, String username, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("PRA_DB_URL must look like jdbc:postgresql://host:port/database, was "
                    + url);
        }
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public String jdbcUrl(String database) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + jdbcUrl("postgres");
    }

    @Override
    public boolean isOwned() {
        return false;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
