package io.pra.cli.drill;

import java.nio.file.Path;
import java.time.Duration;

import io.pra.cli.scenario.DrillTopology;
import io.pra.cli.scenario.DurationText;
import io.pra.cli.scenario.Scenario;
import io.pra.testkit.db.Database;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.rbac.ServiceAccount;

/** The settings of each service process, as docs/configuration.md lists them. */
final class ServiceLaunches {

    /** Protection group of the drill: both namespaces of the sample app. */
    static final String GROUP = "sample";
    static final String EMAIL_TO = "oncall@pra-drill.example";
    /** The event types notifier-service is told to send to both channels (its route 0). */
    static final java.util.List<String> NOTIFIED_TYPES = java.util.List.of("pra.site.down", "pra.failover.*",
            "pra.drill.*");
    /** The channels of that route. */
    static final java.util.List<String> CHANNELS = java.util.List.of("slack", "email");

    private final Scenario scenario;
    private final Path root;
    private final Path runDir;
    private final DrillSites sites;

    ServiceLaunches(Scenario scenario, Path root, Path runDir, DrillSites sites) {
        this.scenario = scenario;
        this.root = root;
        this.runDir = runDir;
        this.sites = sites;
    }

    /**
     * Whether the built failover-service carries out runs (its execution package is in the jar). A service refuses
     * pra.failover.* settings it does not know, so each group is only given to a build that has it.
     */
    static boolean executesRuns(Path root) {
        return failoverJarHas(root, "io/pra/failover/execution/");
    }

    /** Whether the built failover-service has the operator API with approvals (pra.failover.approval.*). */
    static boolean hasApprovals(Path root) {
        return failoverJarHas(root, "io/pra/failover/api/SiteResource");
    }

    private static boolean failoverJarHas(Path root, String entryPrefix) {
        Path app = root.resolve("failover-service/target/quarkus-app/app");
        try (var jars = java.nio.file.Files.list(app)) {
            for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    if (zip.stream().anyMatch(e -> e.getName().startsWith(entryPrefix))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    ServiceProcess observer(String id, int httpPort, String bootstrap, Duration clockOffset) {
        Scenario.DrillSettings s = scenario.settings();
        ServiceProcess p = new ServiceProcess(id, jar(root, "health-service"), httpPort, runDir);
        p.env("PRA_KAFKA_BOOTSTRAP", bootstrap)
                .property("pra.health.instance", id)
                .property("pra.health.observer-id", id)
                .property("pra.health.failure-domain", DrillTopology.failureDomain(id))
                .property("pra.health.vote-ttl", DurationText.iso(s.voteTtl()))
                .property("pra.health.vote-interval", DurationText.iso(s.probeInterval()));
        if (!clockOffset.isZero()) {
            p.property("pra.health.clock-offset", DurationText.iso(clockOffset));
        }
        FakeSite a = sites.a();
        String site = "pra.health.sites.a.";
        p.property(site + "kubernetes.api-url", a.url())
                .property(site + "kubernetes.token", sites.token("a", ServiceAccount.HEALTH_SERVICE))
                .property(site + "kubernetes.request-timeout", "PT1S");
        check(p, site + "checks.api.", "kubernetes-api");
        check(p, site + "checks.workloads.", "workload");
        p.property(site + "checks.workloads.namespaces", String.join(",", SampleApp.NAMESPACES));
        return p;
    }

    private void check(ServiceProcess p, String prefix, String kind) {
        Scenario.DrillSettings s = scenario.settings();
        p.property(prefix + "kind", kind)
                .property(prefix + "interval", DurationText.iso(s.probeInterval()))
                .property(prefix + "timeout", DurationText.iso(probeTimeout(s.probeInterval())))
                .property(prefix + "failure-threshold", String.valueOf(s.failureThreshold()))
                .property(prefix + "success-threshold", "2");
    }

    /** The probe interval, at most 2 s: one probe at a time per check, and a slow answer on a loaded machine still passes. */
    static Duration probeTimeout(Duration interval) {
        return interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
    }

    ServiceProcess backup(int httpPort, String bootstrap, Database db) {
        ServiceProcess p = new ServiceProcess(DrillTopology.BACKUP, jar(root, "backup-service"), httpPort, runDir);
        database(p, "BACKUP", db);
        p.env("PRA_KAFKA_BOOTSTRAP", bootstrap)
                .property("pra.backup.instance", "backup-1")
                .property("pra.backup.source-site", "a");
        siteClient(p, "pra.backup.sites.a.", sites.a(), ServiceAccount.BACKUP_SERVICE);
        siteClient(p, "pra.backup.sites.b.", sites.b(), ServiceAccount.BACKUP_SERVICE);
        String group = "pra.backup.groups." + GROUP + ".";
        p.property(group + "namespaces", String.join(",", SampleApp.NAMESPACES))
                .property(group + "schedule", "@every 10m")
                .property(group + "rpo-objective", DurationText.iso(scenario.objectives().rpo()))
                .property(group + "peer-sites", "b")
                .property("pra.backup.kubernetes.request-timeout", "PT3S")
                .property("pra.backup.kubernetes.connect-timeout", "PT1S")
                .property("pra.backup.kubernetes.resync-period", "PT10S")
                .property("pra.backup.rpo.evaluation-interval", "PT2S");
        return p;
    }

    private void siteClient(ServiceProcess p, String prefix, FakeSite site, ServiceAccount account) {
        p.property(prefix + "url", site.url()).property(prefix + "token", sites.token(site.id(), account));
    }

    ServiceProcess failover(String name, int httpPort, String bootstrap, Database db, Path publicKey) {
        Scenario.DrillSettings s = scenario.settings();
        ServiceProcess p = new ServiceProcess(name, jar(root, "failover-service"), httpPort, runDir);
        database(p, "FAILOVER", db);
        p.env("PRA_KAFKA_BOOTSTRAP", bootstrap)
                .property("pra.failover.instance", name)
                .property("pra.failover.source-site", "a")
                .property("pra.failover.target-site", "b")
                .property("pra.failover.observers", String.join(",", DrillTopology.OBSERVER_ORDER))
                .property("pra.failover.quorum", String.valueOf(s.quorum()))
                .property("pra.failover.vote-ttl", DurationText.iso(s.voteTtl()))
                .property("pra.failover.mode", s.mode())
                .property("pra.failover.cooldown", DurationText.iso(s.cooldown()))
                .property("pra.failover.data-loss-budget", DurationText.iso(s.dataLossBudget()))
                .property("pra.outbox.poll-interval", "PT0.5S")
                .property("mp.jwt.verify.issuer", OperatorTokens.ISSUER)
                .property("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        if (hasApprovals(root)) {
            p.property("pra.failover.approval.timeout", DurationText.iso(s.approvalTimeout()))
                    .property("pra.failover.approval.check-interval", "PT1S");
        }
        if (executesRuns(root)) {
            siteClient(p, "pra.failover.sites.a.", sites.a(), ServiceAccount.FAILOVER_SERVICE);
            siteClient(p, "pra.failover.sites.b.", sites.b(), ServiceAccount.FAILOVER_SERVICE);
            p.property("pra.failover.kubernetes.connect-timeout", "PT1S")
                    .property("pra.failover.kubernetes.request-timeout", "PT3S")
                    .property("pra.failover.execution.poll-interval", "PT0.5S")
                    .property("pra.failover.execution.lock-retry-interval", "PT1S")
                    .property("pra.failover.execution.protected-namespaces", String.join(",", SampleApp.NAMESPACES))
                    .property("pra.failover.execution.fence-timeout", "PT5S")
                    .property("pra.failover.execution.restore-timeout", "PT2M")
                    .property("pra.failover.execution.verify-timeout", "PT1M")
                    .property("pra.failover.cutover.strategy", "DNS_ENDPOINT")
                    .property("pra.failover.cutover.dns-endpoint.name", DrillSites.CUTOVER_ENDPOINT)
                    .property("pra.failover.cutover.dns-endpoint.namespace", DrillSites.CUTOVER_NAMESPACE)
                    .property("pra.failover.cutover.dns-endpoint.targets", DrillSites.SITE_B_ADDRESS)
                    .property("pra.failover.drill.cron", s.drillCron())
                    .property("pra.failover.rto-objective", DurationText.iso(scenario.objectives().rto()))
                    .property("pra.failover.rpo-objective", DurationText.iso(scenario.objectives().rpo()));
        }
        return p;
    }

    ServiceProcess notifier(int httpPort, String bootstrap, Database db, String slackUrl, String smtpHost,
            int smtpPort, String failoverApiUrl) {
        ServiceProcess p = new ServiceProcess(DrillTopology.NOTIFIER, jar(root, "notifier-service"), httpPort, runDir);
        database(p, "NOTIFIER", db);
        p.env("PRA_KAFKA_BOOTSTRAP", bootstrap)
                .env("PRA_NOTIFIER_SLACK_WEBHOOK_URL", slackUrl)
                .property("pra.notifier.instance", "notifier-1")
                .property("pra.notifier.failover-api-url", failoverApiUrl)
                .property("pra.notifier.channels.email.type", "email")
                .property("pra.notifier.channels.email.to", EMAIL_TO)
                .property("pra.notifier.routes[0].types", String.join(",", NOTIFIED_TYPES))
                .property("pra.notifier.routes[0].channels", String.join(",", CHANNELS))
                .property("pra.notifier.grouping.window", "PT5S")
                .property("pra.notifier.delivery.initial-backoff", "PT0.5S")
                .property("pra.notifier.delivery.poll-interval", "PT0.5S")
                .property("quarkus.mailer.host", smtpHost)
                .property("quarkus.mailer.port", String.valueOf(smtpPort))
                .property("quarkus.mailer.start-tls", "DISABLED")
                .property("quarkus.mailer.from", "pra@pra-drill.example");
        return p;
    }

    private static void database(ServiceProcess p, String service, Database db) {
        // Six JVMs booting at once on two cores make PostgreSQL slow to hand out the first connections: Flyway
        // must wait for one rather than fail the start-up after Agroal's default 5 s.
        p.property("quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
        p.env("PRA_" + service + "_DB_URL", db.jdbcUrl())
                .env("PRA_" + service + "_DB_USER", db.username())
                .env("PRA_" + service + "_DB_PASSWORD", db.password() == null ? "" : db.password());
    }
}
