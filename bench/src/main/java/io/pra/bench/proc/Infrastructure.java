package io.pra.bench.proc;

import io.pra.events.Topics;
import io.pra.testkit.db.Database;
import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.kafka.KafkaBroker;
import java.util.Map;

/**
 * Kafka (the test kit's in-JVM KRaft broker, or {@code PRA_KAFKA_BOOTSTRAP}) and PostgreSQL (embedded, or
 * {@code PRA_DB_URL}), started on first use and shared by every comparison of one bench run.
 */
public final class Infrastructure implements AutoCloseable {

    private KafkaBroker kafka;
    private PostgresServer postgres;

    /** Bootstrap servers of the broker, with PRA's topics created (one partition each: one site, one order). */
    public synchronized String kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.fromEnvironment().start();
            kafka.createTopics(Map.of(Topics.BACKUP, 1, Topics.HEALTH, 1, Topics.FAILOVER, 1,
                    Topics.dlq("failover-service"), 1, Topics.dlq("notifier-service"), 1));
        }
        return kafka.bootstrapServers();
    }

    /** A new, empty database. */
    public synchronized Database database(String prefix) {
        if (postgres == null) {
            postgres = PostgresServer.fromEnvironment();
        }
        return postgres.createDatabase(prefix);
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
