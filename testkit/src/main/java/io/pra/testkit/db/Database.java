package io.pra.testkit.db;

/** Coordinates of one PostgreSQL database handed to a test class or a service. */
public record Database(String name, String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        // The password stays out of logs and assertion messages.
        return "Database[name=" + name + ", jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
