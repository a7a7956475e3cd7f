package io.pra.failover.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.testkit.site.velero.SitePair;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource of an execution IT class: Kafka and a fresh database (through
 * {@link ServiceInfrastructureResource}) plus a {@link SitePair} enforcing the RBAC PRA ships, with the sample app
 * installed on site a, and the failover-service configured to reach both sites with its own ServiceAccount's token,
 * cut over through a DNSEndpoint on site b, with short bounds.
 *
 * <p>Init args: {@code database} (name prefix), {@code executor} ({@code true} to run the service's own executor,
 * {@code false} when the test drives executors itself), {@code restore-timeout} (default {@code PT5S}),
 * {@code lock-timeout} (default {@code PT15S}). Classes declaring it with the same init args share one application
 * and one pair of sites (the IT classes run in one JVM): each resets the tables and the sites before every test.
 */
public class FailoverSitesResource implements QuarkusTestResourceLifecycleManager {

    private final ServiceInfrastructureResource infrastructure = new ServiceInfrastructureResource();
    private String executor;
    private String restoreTimeout;
    private String lockTimeout;
    private SitePair sites;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "failover_exec");
        args.putIfAbsent("topics", FailoverTestResource.TOPICS);
        infrastructure.init(args);
        executor = args.getOrDefault("executor", "true");
        restoreTimeout = args.getOrDefault("restore-timeout", "PT5S");
        lockTimeout = args.getOrDefault("lock-timeout", "PT15S");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.putAll(FailoverTestResource.startingAlone(config.get("kafka.bootstrap.servers")));
        config.putAll(TestObservers.settings());
        sites = SitePair.builder().enforceShippedRbac().start();
        SampleApp.install(sites.a());
        sites.b().client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                .withName(FailoverSites.DNS_NAMESPACE).endMetadata().build()).create();
        FailoverSites.use(sites);
        for (FakeSite site : List.of(sites.a(), sites.b())) {
            config.put("pra.failover.sites." + site.id() + ".url", site.url());
            config.put("pra.failover.sites." + site.id() + ".token", site.token(ServiceAccount.FAILOVER_SERVICE));
        }
        config.put("pra.failover.kubernetes.request-timeout", "PT3S");
        config.put("pra.failover.kubernetes.connect-timeout", "PT1S");
        config.put("pra.failover.cooldown", "PT0S");
        config.put("pra.failover.execution.enabled", executor);
        config.put("pra.failover.execution.poll-interval", "PT0.1S");
        config.put("pra.failover.execution.lock-retry-interval", "PT0.2S");
        config.put("pra.failover.execution.lock-timeout", lockTimeout);
        config.put("pra.failover.execution.protected-namespaces", String.join(",", SampleApp.NAMESPACES));
        config.put("pra.failover.execution.fence-timeout", "PT2S");
        config.put("pra.failover.execution.restore-timeout", restoreTimeout);
        config.put("pra.failover.execution.verify-timeout", "PT5S");
        config.put("pra.failover.execution.cutover-timeout", "PT5S");
        config.put("pra.failover.cutover.dns-endpoint.namespace", FailoverSites.DNS_NAMESPACE);
        config.put("pra.failover.cutover.dns-endpoint.name", FailoverSites.DNS_NAME);
        config.put("pra.failover.cutover.dns-endpoint.targets", FailoverSites.TARGET_ADDRESS);
        config.put("pra.outbox.poll-interval", "PT0.2S");
        return config;
    }

    @Override
    public void stop() {
        FailoverSites.clear();
        if (sites != null) {
            sites.close();
        }
        infrastructure.stop();
    }
}
