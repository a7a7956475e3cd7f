package io.pra.bench.kafka;

import io.pra.testkit.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bench's reads and one write on failover-service's schema. The write is for the decision comparison, which runs
 * failover-service with its executor off: it ends the site's open run (outcome ABORTED, ended now) so that, with
 * {@code cooldown=PT0S}, the next trial can decide a new failover on the same site, as it could after a real run.
 */
public final class FailoverDb implements AutoCloseable {

    private final Connection connection;

    public FailoverDb(Database database) {
        try {
            connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** Ends the site's run that is not over, if any; returns how many rows changed. */
    public int endOpenRun(String site) {
        return update("UPDATE failover.failover_run SET outcome = 'ABORTED', ended_at = now(), "
                + "end_reason = 'bench: trial over' WHERE site_id = ? AND outcome IS NULL", site);
    }

    /** Whether the observer's latest recorded vote has this sequence. */
    public boolean voteRecorded(String site, String observer, long sequence) {
        return count("SELECT count(*) FROM failover.site_vote WHERE site_id = ? AND observer_id = ? AND sequence = ?",
                site, observer, sequence) > 0;
    }

    /** Observers whose latest vote on the site is down. */
    public long downVotes(String site) {
        return count("SELECT count(*) FROM failover.site_vote WHERE site_id = ? AND down", site);
    }

    /** Backups of {@code site} recorded as visible on {@code seenOn}. */
    public long backupsSeen(String site, String seenOn) {
        return count("SELECT count(*) FROM failover.backup_seen WHERE site_id = ? AND seen_on = ?", site, seenOn);
    }

    /** Runs decided on the site. */
    public long runs(String site) {
        return count("SELECT count(*) FROM failover.failover_run WHERE site_id = ?", site);
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private long count(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the connection: " + e.getMessage(), e);
        }
    }
}
