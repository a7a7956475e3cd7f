package io.pra.testkit.launch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pra.testkit.db.Database;

/** A backup-service process: its sites, protection groups and timings ({@code pra.backup.*}, {@code pra.outbox.*}). */
public final class BackupLaunch extends ServiceLaunch {

    private String instance;
    private String sourceSite;
    private final Map<String, SiteAccess> sites = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private Duration kubernetesConnectTimeout;
    private Duration kubernetesRequestTimeout;
    private Duration resyncPeriod;
    private Duration rpoEvaluationInterval;
    private Duration outboxPollInterval;

    /** A protection group; a null field keeps the service's default. */
    public record Group(List<String> namespaces, String schedule, Duration rpoObjective, List<String> peerSites) {
    }

    public BackupLaunch(String name, int httpPort, String kafkaBootstrap, Database database) {
        super("backup-service", name, httpPort, kafkaBootstrap, database);
    }

    public BackupLaunch instance(String instance) {
        this.instance = instance;
        return this;
    }

    public BackupLaunch sourceSite(String site) {
        this.sourceSite = site;
        return this;
    }

    public BackupLaunch site(String id, SiteAccess access) {
        sites.put(id, access);
        return this;
    }

    public BackupLaunch group(String name, Group group) {
        groups.put(name, group);
        return this;
    }

    public BackupLaunch kubernetesTimeouts(Duration connect, Duration request) {
        this.kubernetesConnectTimeout = connect;
        this.kubernetesRequestTimeout = request;
        return this;
    }

    /** How often the informers hand every object to the service again. */
    public BackupLaunch resyncPeriod(Duration period) {
        this.resyncPeriod = period;
        return this;
    }

    public BackupLaunch rpoEvaluationInterval(Duration interval) {
        this.rpoEvaluationInterval = interval;
        return this;
    }

    public BackupLaunch outboxPollInterval(Duration interval) {
        this.outboxPollInterval = interval;
        return this;
    }

    @Override
    void render(LaunchSettings.Builder settings) {
        settings.put("pra.backup.instance", instance).put("pra.backup.source-site", sourceSite);
        sites.forEach((id, site) -> settings.put("pra.backup.sites." + id + ".url", site.url())
                .put("pra.backup.sites." + id + ".token", site.token()));
        groups.forEach((name, group) -> {
            String prefix = "pra.backup.groups." + name + ".";
            settings.put(prefix + "namespaces", group.namespaces()).put(prefix + "schedule", group.schedule())
                    .put(prefix + "rpo-objective", group.rpoObjective()).put(prefix + "peer-sites", group.peerSites());
        });
        settings.put("pra.backup.kubernetes.request-timeout", kubernetesRequestTimeout)
                .put("pra.backup.kubernetes.connect-timeout", kubernetesConnectTimeout)
                .put("pra.backup.kubernetes.resync-period", resyncPeriod)
                .put("pra.backup.rpo.evaluation-interval", rpoEvaluationInterval)
                .put("pra.outbox.poll-interval", outboxPollInterval);
    }
}
