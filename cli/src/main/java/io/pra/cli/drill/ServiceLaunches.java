package io.pra.cli.drill;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pra.cli.scenario.DrillTopology;
import io.pra.cli.scenario.Scenario;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.BackupLaunch;
import io.pra.testkit.launch.FailoverLaunch;
import io.pra.testkit.launch.NotifierLaunch;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceLaunch;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.launch.SigningKeyFiles;
import io.pra.testkit.launch.SiteAccess;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.rbac.ServiceAccount;

/** What a scenario asks of each service process: the test kit's typed launches, filled from the scenario's settings. */
final class ServiceLaunches {

    /** Protection group of the drill: both namespaces of the sample app. */
    static final String GROUP = "sample";
    static final String EMAIL_TO = "oncall@pra-drill.example";
    /** The event types notifier-service is told to send to both channels (its route 0). */
    static final List<String> NOTIFIED_TYPES = List.of("pra.site.down", "pra.failover.*", "pra.drill.*");
    /** The channels of that route. */
    static final List<String> CHANNELS = List.of("slack", "email");

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

    static Path jar(Path root, String module) {
        return ServiceProcess.packagedJar(root.resolve(module));
    }

    /** An observer with its own key pair, which signs every vote it publishes. */
    ServiceProcess observer(String id, int httpPort, String bootstrap, Duration clockOffset, SigningKeyFiles keys) {
        Scenario.DrillSettings s = scenario.settings();
        return process(new ObserverLaunch(id, httpPort, bootstrap).instance(id).observerId(id)
                .failureDomain(DrillTopology.failureDomain(id)).votes(s.voteTtl(), s.probeInterval())
                .clockOffset(clockOffset.isZero() ? null : clockOffset).signingKeys(keys)
                .kubernetes("a", new ObserverLaunch.Kubernetes(access("a", ServiceAccount.HEALTH_SERVICE),
                        Duration.ofSeconds(1)))
                .check("a", "api", probed(ObserverLaunch.Check.kubernetesApi()))
                .check("a", "workloads", probed(ObserverLaunch.Check.workload(SampleApp.NAMESPACES))));
    }

    private ObserverLaunch.Check probed(ObserverLaunch.Check check) {
        Scenario.DrillSettings s = scenario.settings();
        return check.every(s.probeInterval(), probeTimeout(s.probeInterval())).thresholds(s.failureThreshold(), 2);
    }

    /** How {@code account} reaches site {@code siteId}: the sites enforce deploy/'s RBAC on its token. */
    private SiteAccess access(String siteId, ServiceAccount account) {
        return new SiteAccess(URI.create(sites.site(siteId).url()), sites.token(siteId, account));
    }

    /** The probe interval, at most 2 s: one probe at a time per check, and a slow answer on a loaded machine still passes. */
    static Duration probeTimeout(Duration interval) {
        return interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
    }

    ServiceProcess backup(int httpPort, String bootstrap, Database db) {
        return process(new BackupLaunch(DrillTopology.BACKUP, httpPort, bootstrap, db).instance("backup-1")
                .sourceSite("a").site("a", access("a", ServiceAccount.BACKUP_SERVICE))
                .site("b", access("b", ServiceAccount.BACKUP_SERVICE))
                .group(GROUP, new BackupLaunch.Group(SampleApp.NAMESPACES, "@every 10m", scenario.objectives().rpo(),
                        List.of("b")))
                .kubernetesTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .resyncPeriod(Duration.ofSeconds(10)).rpoEvaluationInterval(Duration.ofSeconds(2)));
    }

    /**
     * A failover-service replica that counts the votes of the drill's observers, each checked against the public key
     * of {@code observerKeys} and counted in its failure domain.
     */
    ServiceProcess failover(String name, int httpPort, String bootstrap, Database db, Path publicKey,
            Map<String, Path> observerKeys) {
        Scenario.DrillSettings s = scenario.settings();
        FailoverLaunch launch = new FailoverLaunch(name, httpPort, bootstrap, db);
        observerKeys.forEach((observer, key) -> launch.observer(observer,
                new FailoverLaunch.Observer(DrillTopology.failureDomain(observer), key)));
        return process(launch.instance(name).sites("a", "b").quorum(s.quorum()).quorumDomains(s.quorumDomains())
                .allowedClockSkew(s.allowedClockSkew()).voteTtl(s.voteTtl()).mode(s.mode())
                .cooldown(s.cooldown()).dataLossBudget(s.dataLossBudget())
                .outboxPollInterval(Duration.ofMillis(500))
                .operatorTokens(OperatorTokens.ISSUER, publicKey)
                .approval(s.approvalTimeout(), Duration.ofSeconds(1))
                .site("a", access("a", ServiceAccount.FAILOVER_SERVICE))
                .site("b", access("b", ServiceAccount.FAILOVER_SERVICE))
                .kubernetesTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .executorIntervals(Duration.ofMillis(500), Duration.ofSeconds(1))
                .protectedNamespaces(SampleApp.NAMESPACES)
                .phaseTimeouts(s.phaseTimeouts().fence(), s.phaseTimeouts().restore(), s.phaseTimeouts().verify(),
                        s.phaseTimeouts().cutover())
                .dnsEndpointCutover(new FailoverLaunch.DnsEndpoint(DrillSites.CUTOVER_ENDPOINT,
                        DrillSites.CUTOVER_NAMESPACE, List.of(DrillSites.SITE_B_ADDRESS)))
                .drillCron(s.drillCron())
                .objectives(scenario.objectives().rto(), scenario.objectives().rpo()));
    }

    ServiceProcess notifier(int httpPort, String bootstrap, Database db, String slackUrl, String smtpHost,
            int smtpPort, String failoverApiUrl) {
        return process(new NotifierLaunch(DrillTopology.NOTIFIER, httpPort, bootstrap, db).instance("notifier-1")
                .slackWebhook(URI.create(slackUrl)).failoverApiUrl(URI.create(failoverApiUrl))
                .emailChannel("email", List.of(EMAIL_TO))
                .route(new NotifierLaunch.Route(NOTIFIED_TYPES, CHANNELS))
                .groupingWindow(Duration.ofSeconds(5)).initialBackoff(Duration.ofMillis(500))
                .deliveryPollInterval(Duration.ofMillis(500))
                .smtp(new NotifierLaunch.Smtp(smtpHost, smtpPort, "DISABLED", "pra@pra-drill.example")));
    }

    /** Each process with the start-up friendly JVM options, its output appended to {@code <run dir>/<name>.log}. */
    private ServiceProcess process(ServiceLaunch launch) {
        return ServiceProcess.builder(launch, jar(root, launch.module()))
                .log(runDir.resolve(launch.name() + ".log")).build();
    }
}
