package io.pra.kit.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes batches of {@code outbox_event} rows in position order, at least once: a batch is marked published, in
 * the transaction that read it, only after the broker acknowledged every record of it. Each batch first takes a
 * PostgreSQL advisory transaction lock of the schema's outbox, so of several relays (replicas) one publishes at a
 * time and the rows of a key never overtake each other; see {@code service-kit/DESIGN.md}.
 */
public final class OutboxPublisher {

    /** First key of the outbox's advisory lock ("PROX"); the second is the hash of the schema name. */
    static final int LOCK_CLASS = 0x50524F58;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?, hashtext(current_schema()))";
    private static final String NEXT_BATCH = "SELECT id, topic, record_key, type, source, subject, occurred_at, "
            + "payload::text FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = ? WHERE id = ANY (?)";

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Clock clock;

    public OutboxPublisher(DataSource dataSource, Producer<String, byte[]> producer, int batchSize,
            Duration sendTimeout, Clock clock) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    /** Publishes batches until the outbox is empty or another relay holds the lock; returns how many events. */
    public int drain() throws SQLException, OutboxSendException {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published == batchSize);
        return total;
    }

    /** Publishes the oldest unpublished rows, up to the batch size; 0 when none, or while another relay publishes. */
    public int publishBatch() throws SQLException, OutboxSendException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = lockAndPublish(connection);
                connection.commit();
                return published;
            } catch (SQLException | OutboxSendException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int lockAndPublish(Connection connection) throws SQLException, OutboxSendException {
        if (!tryLock(connection)) {
            return 0;
        }
        List<OutboxRecord> batch = nextBatch(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        send(batch);
        markPublished(connection, batch);
        return batch.size();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setInt(1, LOCK_CLASS);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<OutboxRecord> nextBatch(Connection connection) throws SQLException {
        List<OutboxRecord> batch = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(NEXT_BATCH)) {
            statement.setInt(1, batchSize);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxRecord(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getString(8)));
                }
            }
        }
        return batch;
    }

    private void send(List<OutboxRecord> batch) throws OutboxSendException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxRecord record : batch) {
            sends.add(producer.send(record.toProducerRecord()));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new OutboxSendException("the broker refused an event", e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxSendException("no acknowledgement within " + sendTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxSendException("interrupted while waiting for the broker", e);
        }
    }

    private void markPublished(Connection connection, List<OutboxRecord> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED)) {
            Array ids = connection.createArrayOf("uuid", batch.stream().map(OutboxRecord::id).toArray());
            statement.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            statement.setArray(2, ids);
            statement.executeUpdate();
        }
    }
}
