package io.pra.health;

import io.pra.testkit.quarkus.KafkaResource;
import io.pra.testkit.site.MutableClock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An observer that starts while its site is already down: the real broker, local targets answering 503 before the
 * application starts, and a {@link MutableClock} standing still (see {@link GraceClock}), so the test decides when the
 * startup grace ends instead of waiting for it.
 */
public class StartupGraceTestResource implements QuarkusTestResourceLifecycleManager {

    private final KafkaResource kafka = new KafkaResource();
    private TargetFarm farm;
    private Path keys;

    @Override
    public void init(Map<String, String> initArgs) {
        kafka.init(Map.of("topics", "pra.health:3"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        farm = new TargetFarm().start();
        keys = SigningFixtures.newKeyDirectory();
        config.putAll(SigningFixtures.signingConfig(SigningFixtures.signingKeys(keys, "obs-cold")));
        GraceClock.use(MutableClock.startingNow());
        config.putAll(HealthFixtures.coldStartConfig(farm));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(farm, new TestInjector.AnnotatedAndMatchesType(Targets.class, TargetFarm.class));
    }

    @Override
    public void stop() {
        GraceClock.clear();
        if (farm != null) {
            farm.close();
        }
        if (keys != null) {
            SigningFixtures.deleteKeys(keys);
        }
        kafka.stop();
    }
}
