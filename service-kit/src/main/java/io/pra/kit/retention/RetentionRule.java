package io.pra.kit.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rows of {@code table} whose {@code timeColumn} is older than {@code maxAge} are deleted by the {@link RetentionJob};
 * rows where it is NULL (not published, not closed) are kept. Contribute one as a CDI bean.
 */
public record RetentionRule(String table, String timeColumn, Duration maxAge) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public RetentionRule {
        // Table and column go into SQL text: only plain identifiers, never anything a setting could inject.
        if (!IDENTIFIER.matcher(Objects.requireNonNull(table)).matches()
                || !IDENTIFIER.matcher(Objects.requireNonNull(timeColumn)).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + table + "." + timeColumn);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retention of " + table + " must be positive, not " + maxAge);
        }
    }

    /** Deletes one batch of expired rows, oldest first; the cut-off is its first parameter. */
    String deleteBatchSql(int batchSize) {
        return "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + timeColumn
                + " < ? ORDER BY " + timeColumn + " LIMIT " + batchSize + ")";
    }
}
