package io.pra.testkit.quarkus;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Kafka and, when asked for, a fresh PostgreSQL database, as one Quarkus test resource.
 *
 * <p>Init args: {@code topics} as for {@link KafkaResource}; {@code database}, the database name
 * prefix, as for {@link PostgresResource} (no database when absent). One resource rather than two
 * annotations, because Quarkus 3.33 loads the classes of a repeated {@code @WithTestResource} with
 * the wrong class loader (ClassCastException at boot).
 */
public class ServiceInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private final KafkaResource kafka = new KafkaResource();
    private PostgresResource postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        kafka.init(initArgs);
        if (initArgs.containsKey("database")) {
            postgres = new PostgresResource();
            postgres.init(initArgs);
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        if (postgres != null) {
            config.putAll(postgres.start());
        }
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.stop();
        }
        kafka.stop();
    }
}
