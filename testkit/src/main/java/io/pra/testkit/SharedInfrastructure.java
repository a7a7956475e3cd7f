package io.pra.testkit;

import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.kafka.KafkaBroker;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use and
 * stopped, their temporary data removed, when the JVM exits.
 */
public final class SharedInfrastructure {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private SharedInfrastructure() {
    }

    /** The JVM's broker, started if needed. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            KafkaBroker broker = KafkaBroker.fromEnvironment().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "pra-kafka-shutdown"));
            kafka = broker;
        }
        return kafka;
    }

    /** The JVM's PostgreSQL server, started or connected to if needed. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            // An embedded server stops and removes its data at exit by itself; an external one stays.
            postgres = PostgresServer.fromEnvironment();
        }
        return postgres;
    }
}
