package io.pra.kit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pra.kit.KitDatabase;

/** Retention against the real PostgreSQL: only rows whose time is set and past the age go, in batches. */
class RetentionIT {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private KitDatabase database;

    @BeforeEach
    void setUp() {
        database = KitDatabase.create();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void publishedOutboxRowsOlderThanTheAgeAreDeletedAndUnpublishedOnesKept() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            for (int i = 0; i < 2500; i++) {
                database.appendOutbox(connection, "pra.health", "a", i);
            }
            for (int i = 0; i < 3; i++) {
                database.appendOutbox(connection, "pra.health", "b", i);
            }
        }
        database.update("UPDATE outbox_event SET published_at = ? WHERE record_key = 'a'", NOW.minus(Duration.ofDays(8)));
        database.update("UPDATE outbox_event SET published_at = ? WHERE record_key = 'b' AND payload->>'seq' = '0'",
                NOW.minus(Duration.ofDays(6)));
        database.update("UPDATE outbox_event SET created_at = ? WHERE record_key = 'b'", NOW.minus(Duration.ofDays(30)));

        int deleted = RetentionJob.prune(database.dataSource(),
                new RetentionRule("outbox_event", "published_at", Duration.ofDays(7)), CLOCK);

        assertThat(deleted).isEqualTo(2500);
        assertThat(database.count("SELECT count(*) FROM outbox_event")).isEqualTo(3);
        assertThat(database.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")).isEqualTo(2);
    }

    @Test
    void processedIdsOlderThanTheAgeAreForgotten() throws Exception {
        database.update("INSERT INTO processed_event (event_id, consumer, processed_at) "
                + "SELECT gen_random_uuid(), 'votes', ? FROM generate_series(1, 10)", NOW.minus(Duration.ofDays(36)));
        database.update("INSERT INTO processed_event (event_id, consumer, processed_at) "
                + "SELECT gen_random_uuid(), 'votes', ? FROM generate_series(1, 4)", NOW.minus(Duration.ofDays(34)));

        int deleted = RetentionJob.prune(database.dataSource(),
                new RetentionRule("processed_event", "processed_at", Duration.ofDays(35)), CLOCK);

        assertThat(deleted).isEqualTo(10);
        assertThat(database.count("SELECT count(*) FROM processed_event")).isEqualTo(4);
    }
}
