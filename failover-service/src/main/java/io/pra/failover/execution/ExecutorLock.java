package io.pra.failover.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * The single-executor lock of a site: a session-level PostgreSQL advisory lock held on a dedicated connection
 * (never a pooled one, whose session outlives a close). The lock is held exactly as long as that session lives.
 *
 * <p>It cannot outlive its holder by more than {@code bound}: the session is opened with
 * {@code idle_session_timeout = bound}, so a server that hears nothing from the holder for that long (the holder
 * died, or the link is half-open or black-holed, where TCP keepalives may never fail) ends the session and frees
 * the lock. The holder keeps its session busy with a heartbeat every {@code bound / 5} and pings it before every
 * side effect ({@link #confirm()}); a ping that gets no answer within {@code bound / 3} makes the holder drop the
 * lock at once, before the server frees it for another instance.
 */
public final class ExecutorLock implements AutoCloseable {

    /** First key of PRA's advisory locks ("PRA"); the second is the hash of the site id. */
    static final int LOCK_CLASS = 0x505241;

    private static final Logger LOG = Logger.getLogger(ExecutorLock.class);

    /** Opens a new physical connection whose reads give up after {@code socketTimeout}. */
    public interface Connector {
        Connection connect(Duration socketTimeout) throws SQLException;
    }

    private final Connector connector;
    private final String siteId;
    private final Duration bound;
    private final ScheduledExecutorService heartbeat;
    private Connection connection;
    private ScheduledFuture<?> beating;
    private boolean held;

    public ExecutorLock(Connector connector, String siteId, Duration bound) {
        if (bound.toMillis() < 1000) {
            throw new IllegalArgumentException("the executor lock bound must be at least 1s, got " + bound);
        }
        this.connector = connector;
        this.siteId = siteId;
        this.bound = bound;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "executor-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the lock if it is free; true when this holder has it. */
    public synchronized boolean tryAcquire() {
        if (isHeld()) {
            return true;
        }
        try {
            release();
            connection = connector.connect(bound.dividedBy(3));
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET idle_session_timeout = " + bound.toMillis());
            }
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
                return false;
            }
            long every = bound.dividedBy(5).toMillis();
            beating = heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
            return true;
        } catch (SQLException e) {
            LOG.warnf("cannot try the executor lock of site=%s: %s", siteId, e.getMessage());
            release();
            return false;
        }
    }

    /** True while the lock is held: its session answered the last heartbeat. */
    public synchronized boolean isHeld() {
        return held && connection != null;
    }

    /**
     * Pings the lock's session now: true when it answered, so the lock is still this holder's. Called before every
     * side effect; a session that does not answer within {@code bound / 3} is given up at once.
     */
    public synchronized boolean confirm() {
        if (!isHeld()) {
            return false;
        }
        try (Statement ping = connection.createStatement()) {
            ping.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.warnf("lost the executor lock of site=%s: its session did not answer (%s)", siteId, e.getMessage());
            release();
            return false;
        }
    }

    /** Frees the lock by closing its connection, as a dying process would. */
    @Override
    public synchronized void close() {
        Connection closing = connection;
        connection = null;
        release();
        heartbeat.shutdownNow();
        closeQuietly(closing);
    }

    private void beat() {
        confirm();
    }

    private void release() {
        held = false;
        if (beating != null) {
            beating.cancel(false);
            beating = null;
        }
        if (connection != null) {
            Connection closing = connection;
            connection = null;
            // Closing a connection whose peer is black-holed can block on its goodbye: never in the caller's way.
            heartbeat.execute(() -> closeQuietly(closing));
        }
    }

    private static void closeQuietly(Connection closing) {
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (SQLException e) {
            LOG.debugf("closing the executor lock connection: %s", e.getMessage());
        }
    }
}
