package io.pra.testkit.db;

import java.util.List;

/** No PostgreSQL server could be had; the message lists each way tried and why it failed. */
public class DatabaseUnavailableException extends RuntimeException {

    private final List<String> attempts;

    public DatabaseUnavailableException(List<String> attempts, Throwable cause) {
        super("No PostgreSQL server for the tests. Tried:\n  - " + String.join("\n  - ", attempts)
                + "\nSet PRA_DB_URL (+ PRA_DB_USER, PRA_DB_PASSWORD) to use an existing server.", cause);
        this.attempts = List.copyOf(attempts);
    }

    /** Each way tried, with the reason it failed. */
    public List<String> attempts() {
        return attempts;
    }
}
