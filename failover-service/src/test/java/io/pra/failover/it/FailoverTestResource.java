package io.pra.failover.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;
import io.pra.events.Topics;
import io.pra.testkit.kafka.ConsumerGroups;
import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Kafka and a fresh database ({@link ServiceInfrastructureResource}, same init args; topics {@link #TOPICS} unless
 * given), the test observers and their keys ({@link TestObservers}), plus the service settings given as init
 * args named {@code config.<property>}: one test resource per class, as the Quarkus 3.33 class-loader bug
 * requires. Classes declaring it with the same init args share one application (the IT classes run in one
 * JVM), so each resets the tables it reads before every test.
 */
public class FailoverTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The topics of every IT class: the IT classes share one broker, so they ask for the same partitions, whichever
     * class creates them first.
     */
    static final String TOPICS = "pra.health:3,pra.backup:3,pra.failover:3,pra.dlq.failover-service:1";

    private static final String CONFIG = "config.";
    /** The service's incoming channels and their topics. */
    private static final Map<String, String> CHANNELS = Map.of("health-events", Topics.HEALTH,
            "backup-events", Topics.BACKUP);

    private final ServiceInfrastructureResource infrastructure = new ServiceInfrastructureResource();
    private final Map<String, String> settings = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("topics", TOPICS);
        infrastructure.init(args);
        initArgs.forEach((name, value) -> {
            if (name.startsWith(CONFIG)) {
                settings.put(name.substring(CONFIG.length()), value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.putAll(startingAlone(config.get("kafka.bootstrap.servers")));
        config.putAll(TestObservers.settings());
        config.putAll(settings);
        return config;
    }

    /**
     * What an application that shares the JVM and the broker with earlier ones needs to start as if alone: consumer
     * groups of its own, at the end of the topics, so it never replays an earlier class's events into its fresh
     * database; and Micrometer's global registry emptied, because its composite keeps a stopped application's
     * meters, bound to that application's objects, and hands them to the next application instead of new ones.
     */
    static Map<String, String> startingAlone(String bootstrapServers) {
        Metrics.globalRegistry.clear();
        Map<String, String> groups = new HashMap<>();
        CHANNELS.forEach((channel, topic) -> {
            String group = "failover-test-" + channel + "-" + UUID.randomUUID();
            ConsumerGroups.startAtEnd(bootstrapServers, group, List.of(topic));
            groups.put("mp.messaging.incoming." + channel + ".group.id", group);
        });
        return groups;
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
