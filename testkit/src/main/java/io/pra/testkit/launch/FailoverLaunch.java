package io.pra.testkit.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pra.testkit.db.Database;

/**
 * A failover-service process: the protected site and its quorum, the executor and its bounds, the cutover, the
 * operator tokens it accepts ({@code pra.failover.*}, {@code pra.outbox.*}, {@code mp.jwt.*}).
 */
public final class FailoverLaunch extends ServiceLaunch {

    private String instance;
    private String sourceSite;
    private String targetSite;
    private final Map<String, Observer> observers = new LinkedHashMap<>();
    private Integer quorum;
    private Integer quorumDomains;
    private Duration voteTtl;
    private Duration allowedClockSkew;
    private String mode;
    private Duration cooldown;
    private Duration dataLossBudget;
    private Duration rtoObjective;
    private Duration rpoObjective;
    private Duration outboxPollInterval;
    private String tokenIssuer;
    private Path tokenPublicKey;
    private Duration approvalTimeout;
    private Duration approvalCheckInterval;
    private final Map<String, SiteAccess> sites = new LinkedHashMap<>();
    private Duration kubernetesConnectTimeout;
    private Duration kubernetesRequestTimeout;
    private Boolean executionEnabled;
    private Duration executionPollInterval;
    private Duration lockRetryInterval;
    private List<String> protectedNamespaces;
    private Duration fenceTimeout;
    private Duration restoreTimeout;
    private Duration verifyTimeout;
    private Duration cutoverTimeout;
    private Duration lockTimeout;
    private DnsEndpoint dnsEndpoint;
    private String drillCron;

    /** An observer whose signed votes count: its failure domain and the file of the public key it signs with. */
    public record Observer(String domain, Path publicKey) {
    }

    /** The ExternalDNS DNSEndpoint on the target site that CUTOVER points at the target's addresses. */
    public record DnsEndpoint(String name, String namespace, List<String> targets) {
    }

    public FailoverLaunch(String name, int httpPort, String kafkaBootstrap, Database database) {
        super("failover-service", name, httpPort, kafkaBootstrap, database);
    }

    public FailoverLaunch instance(String instance) {
        this.instance = instance;
        return this;
    }

    /** The protected site that fails over and the standby that takes over. */
    public FailoverLaunch sites(String source, String target) {
        this.sourceSite = source;
        this.targetSite = target;
        return this;
    }

    /** An observer whose votes count, in its failure domain, with the public key its votes are signed with. */
    public FailoverLaunch observer(String id, Observer observer) {
        this.observers.put(id, observer);
        return this;
    }

    /** Distinct failure domains the quorum's votes must come from. */
    public FailoverLaunch quorumDomains(int domains) {
        this.quorumDomains = domains;
        return this;
    }

    /** How far an observer's clock may run ahead of the broker's. */
    public FailoverLaunch allowedClockSkew(Duration skew) {
        this.allowedClockSkew = skew;
        return this;
    }

    public FailoverLaunch quorum(int votes) {
        this.quorum = votes;
        return this;
    }

    public FailoverLaunch voteTtl(Duration ttl) {
        this.voteTtl = ttl;
        return this;
    }

    /** The mode the source site starts in: {@code AUTO}, {@code MANUAL} or {@code OFF}. */
    public FailoverLaunch mode(String mode) {
        this.mode = mode;
        return this;
    }

    public FailoverLaunch cooldown(Duration cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    public FailoverLaunch dataLossBudget(Duration budget) {
        this.dataLossBudget = budget;
        return this;
    }

    public FailoverLaunch objectives(Duration rto, Duration rpo) {
        this.rtoObjective = rto;
        this.rpoObjective = rpo;
        return this;
    }

    public FailoverLaunch outboxPollInterval(Duration interval) {
        this.outboxPollInterval = interval;
        return this;
    }

    /** The issuer of the operator tokens the API accepts and the PEM file of the key that verifies them. */
    public FailoverLaunch operatorTokens(String issuer, Path publicKey) {
        this.tokenIssuer = issuer;
        this.tokenPublicKey = publicKey;
        return this;
    }

    /** How long a run waits for an operator, and how often the timeout is checked. */
    public FailoverLaunch approval(Duration timeout, Duration checkInterval) {
        this.approvalTimeout = timeout;
        this.approvalCheckInterval = checkInterval;
        return this;
    }

    public FailoverLaunch site(String id, SiteAccess access) {
        sites.put(id, access);
        return this;
    }

    public FailoverLaunch kubernetesTimeouts(Duration connect, Duration request) {
        this.kubernetesConnectTimeout = connect;
        this.kubernetesRequestTimeout = request;
        return this;
    }

    /** Whether this instance runs an executor (one at a time holds the lock). */
    public FailoverLaunch executionEnabled(boolean enabled) {
        this.executionEnabled = enabled;
        return this;
    }

    /** How often the lock holder looks for a run, and how often a standby tries to take the lock. */
    public FailoverLaunch executorIntervals(Duration poll, Duration lockRetry) {
        this.executionPollInterval = poll;
        this.lockRetryInterval = lockRetry;
        return this;
    }

    public FailoverLaunch protectedNamespaces(List<String> namespaces) {
        this.protectedNamespaces = List.copyOf(namespaces);
        return this;
    }

    /** Bounds of FENCE_SOURCE, RESTORE, VERIFY and CUTOVER. */
    public FailoverLaunch phaseTimeouts(Duration fence, Duration restore, Duration verify, Duration cutover) {
        this.fenceTimeout = fence;
        this.restoreTimeout = restore;
        this.verifyTimeout = verify;
        this.cutoverTimeout = cutover;
        return this;
    }

    /** How long the executor lock may outlive a silent holder. */
    public FailoverLaunch lockTimeout(Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    /** CUTOVER by rewriting this DNSEndpoint on the target site. */
    public FailoverLaunch dnsEndpointCutover(DnsEndpoint endpoint) {
        this.dnsEndpoint = endpoint;
        return this;
    }

    /** Schedule of drills (Quartz cron, seconds first), or {@code off}. */
    public FailoverLaunch drillCron(String cron) {
        this.drillCron = cron;
        return this;
    }

    @Override
    void render(LaunchSettings.Builder settings) {
        settings.put("pra.failover.instance", instance).put("pra.failover.source-site", sourceSite)
                .put("pra.failover.target-site", targetSite)
                .put("pra.failover.quorum", quorum).put("pra.failover.quorum-domains", quorumDomains)
                .put("pra.failover.vote-ttl", voteTtl).put("pra.failover.allowed-clock-skew", allowedClockSkew)
                .put("pra.failover.mode", mode).put("pra.failover.cooldown", cooldown)
                .put("pra.failover.data-loss-budget", dataLossBudget)
                .put("pra.outbox.poll-interval", outboxPollInterval)
                .put("mp.jwt.verify.issuer", tokenIssuer)
                .put("mp.jwt.verify.publickey.location", tokenPublicKey == null ? null : tokenPublicKey.toUri())
                .put("pra.failover.approval.timeout", approvalTimeout)
                .put("pra.failover.approval.check-interval", approvalCheckInterval);
        observers.forEach((id, observer) -> settings
                .put("pra.failover.observers.\"" + id + "\".domain", observer.domain())
                .put("pra.failover.observers.\"" + id + "\".public-keys", observer.publicKey()));
        sites.forEach((id, site) -> settings.put("pra.failover.sites." + id + ".url", site.url())
                .put("pra.failover.sites." + id + ".token", site.token()));
        settings.put("pra.failover.kubernetes.connect-timeout", kubernetesConnectTimeout)
                .put("pra.failover.kubernetes.request-timeout", kubernetesRequestTimeout)
                .put("pra.failover.execution.enabled", executionEnabled)
                .put("pra.failover.execution.poll-interval", executionPollInterval)
                .put("pra.failover.execution.lock-retry-interval", lockRetryInterval)
                .put("pra.failover.execution.protected-namespaces", protectedNamespaces)
                .put("pra.failover.execution.fence-timeout", fenceTimeout)
                .put("pra.failover.execution.restore-timeout", restoreTimeout)
                .put("pra.failover.execution.verify-timeout", verifyTimeout)
                .put("pra.failover.execution.cutover-timeout", cutoverTimeout)
                .put("pra.failover.execution.lock-timeout", lockTimeout);
        if (dnsEndpoint != null) {
            settings.put("pra.failover.cutover.strategy", "DNS_ENDPOINT")
                    .put("pra.failover.cutover.dns-endpoint.name", dnsEndpoint.name())
                    .put("pra.failover.cutover.dns-endpoint.namespace", dnsEndpoint.namespace())
                    .put("pra.failover.cutover.dns-endpoint.targets", dnsEndpoint.targets());
        }
        settings.put("pra.failover.drill.cron", drillCron)
                .put("pra.failover.rto-objective", rtoObjective)
                .put("pra.failover.rpo-objective", rpoObjective);
    }
}
