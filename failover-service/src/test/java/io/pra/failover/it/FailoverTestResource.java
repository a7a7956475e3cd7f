package io.pra.failover.it;

import java.util.HashMap;
import java.util.Map;

import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Kafka and a fresh database ({@link ServiceInfrastructureResource}, same init args), the test observers and their
 * keys ({@link TestObservers}), plus the service settings given as init args named {@code config.<property>}: one
 * test resource per class, as the Quarkus 3.33 class-loader bug requires.
 */
public class FailoverTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String CONFIG = "config.";

    private final ServiceInfrastructureResource infrastructure = new ServiceInfrastructureResource();
    private final Map<String, String> settings = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        infrastructure.init(initArgs);
        initArgs.forEach((name, value) -> {
            if (name.startsWith(CONFIG)) {
                settings.put(name.substring(CONFIG.length()), value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.putAll(TestObservers.settings());
        config.putAll(settings);
        return config;
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
