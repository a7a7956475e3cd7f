package io.pra.backup.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.testkit.site.velero.SitePair;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource of a backup-service test class: Kafka and a fresh database (through
 * {@link ServiceInfrastructureResource}) plus a {@link SitePair} enforcing the RBAC PRA ships, whose simulators run on
 * a {@link MutableClock} the application shares (see {@link TestClock}), and one protection group of the sample app on
 * site a, verified on b. The service reaches both sites with its own ServiceAccount's token.
 *
 * <p>Init args: {@code group} (name of the group, unique per test class so events can be told apart on the shared
 * broker), {@code schedule} (default {@code @every 1h}), {@code rpo-objective} (default {@code 15m}).
 */
public class BackupSitesResource implements QuarkusTestResourceLifecycleManager {

    private final ServiceInfrastructureResource infrastructure = new ServiceInfrastructureResource();
    private String group;
    private String schedule;
    private String rpoObjective;
    private SitePair sites;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "backup");
        args.putIfAbsent("topics", "pra.backup:1,pra.health:1");
        infrastructure.init(args);
        group = args.getOrDefault("group", "app");
        schedule = args.getOrDefault("schedule", "@every 1h");
        rpoObjective = args.getOrDefault("rpo-objective", "15m");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        MutableClock clock = MutableClock.startingNow();
        sites = SitePair.builder().clock(clock).enforceShippedRbac().start();
        SampleApp.install(sites.a());
        TestClock.use(clock, sites);
        for (FakeSite site : List.of(sites.a(), sites.b())) {
            config.put("pra.backup.sites." + site.id() + ".url", site.url());
            config.put("pra.backup.sites." + site.id() + ".token", site.token(ServiceAccount.BACKUP_SERVICE));
        }
        String prefix = "pra.backup.groups." + group + ".";
        config.put(prefix + "namespaces", String.join(",", SampleApp.NAMESPACES));
        config.put(prefix + "schedule", schedule);
        config.put(prefix + "rpo-objective", rpoObjective);
        config.put("pra.backup.rpo.evaluation-interval", "100ms");
        config.put("pra.backup.kubernetes.resync-period", "2s");
        config.put("pra.outbox.poll-interval", "200ms");
        return config;
    }

    @Override
    public void stop() {
        if (sites != null) {
            sites.close();
        }
        TestClock.clear();
        infrastructure.stop();
    }
}
