package io.pra.failover.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jboss.logging.Logger;

/**
 * The single-executor lock of a site: a session-level PostgreSQL advisory lock held on a dedicated connection
 * (never a pooled one, whose session outlives a close). The lock frees when the holder closes the connection or
 * dies and the server drops it; standby instances try again at an interval.
 */
public final class ExecutorLock implements AutoCloseable {

    /** First key of PRA's advisory locks ("PRA"); the second is the hash of the site id. */
    static final int LOCK_CLASS = 0x505241;

    private static final Logger LOG = Logger.getLogger(ExecutorLock.class);

    /** Opens a new physical connection. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final String siteId;
    private Connection connection;
    private boolean held;

    public ExecutorLock(Connector connector, String siteId) {
        this.connector = connector;
        this.siteId = siteId;
    }

    /** Takes the lock if it is free; true when this holder has it. */
    public synchronized boolean tryAcquire() {
        if (isHeld()) {
            return true;
        }
        try {
            release();
            connection = connector.connect();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setString(2, siteId);
                try (ResultSet result = statement.executeQuery()) {
                    held = result.next() && result.getBoolean(1);
                }
            }
            if (!held) {
                release();
            }
            return held;
        } catch (SQLException e) {
            LOG.warnf("cannot try the executor lock of site=%s: %s", siteId, e.getMessage());
            release();
            return false;
        }
    }

    /** True while the lock is held and its connection still answers. */
    public synchronized boolean isHeld() {
        if (!held || connection == null) {
            return false;
        }
        try {
            if (connection.isValid(2)) {
                return true;
            }
        } catch (SQLException e) {
            LOG.debugf("executor lock connection check failed: %s", e.getMessage());
        }
        LOG.warnf("lost the executor lock of site=%s: its connection is gone", siteId);
        release();
        return false;
    }

    /** Frees the lock by closing its connection, as a dying process would. */
    @Override
    public synchronized void close() {
        release();
    }

    private void release() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the executor lock connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
