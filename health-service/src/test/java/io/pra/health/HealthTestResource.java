package io.pra.health;

import io.pra.testkit.quarkus.KafkaResource;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one test resource of the health-service's Quarkus tests (Quarkus 3.33 cannot take two): the real Kafka broker,
 * local targets and a fake Kubernetes site, and the configuration of one watched site per scenario. Test classes
 * declare it with {@code scope = MATCHING_RESOURCES}, so they share one application (one Quarkus start instead of one
 * per class): each watches its own site or checks, reads only its own events, and puts back what it changes.
 */
public class HealthTestResource implements QuarkusTestResourceLifecycleManager {

    private final KafkaResource kafka = new KafkaResource();
    private TargetFarm farm;
    private Path keys;
    private FakeSite site;

    @Override
    public void init(Map<String, String> initArgs) {
        kafka.init(Map.of("topics", "pra.health:3"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        farm = new TargetFarm().start();
        keys = SigningFixtures.newKeyDirectory();
        config.putAll(SigningFixtures.signingConfig(SigningFixtures.signingKeys(keys, HealthFixtures.OBSERVER)));
        // Observers watch site A: its overlay's RBAC, and the health-service's own token (HealthFixtures).
        site = FakeSite.create("fake").enforce(RbacPolicy.shipped("site-a")).start();
        config.putAll(HealthFixtures.scenarioConfig(farm, site));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(farm, new TestInjector.AnnotatedAndMatchesType(Targets.class, TargetFarm.class));
        injector.injectIntoFields(site, new TestInjector.AnnotatedAndMatchesType(Targets.class, FakeSite.class));
    }

    @Override
    public void stop() {
        if (farm != null) {
            farm.close();
        }
        if (site != null) {
            site.close();
        }
        if (keys != null) {
            SigningFixtures.deleteKeys(keys);
        }
        kafka.stop();
    }
}
