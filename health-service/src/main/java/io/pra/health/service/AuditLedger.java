package io.pra.health.service;

import io.pra.events.health.Severity;
import io.pra.health.config.HealthConfig;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.CheckTracker;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.WorkloadAudit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The HA audit's findings per site, with hysteresis per workload: a workload that falls short for the audit check's
 * failure threshold is reported once as a warning-level {@code pra.health.degraded} (check id
 * {@code <audit check>:<namespace>/<Kind>/<name>}, kind workload), and once recovered when fixed. Audit findings are
 * never critical, so they never count towards a site-down vote.
 */
@ApplicationScoped
public class AuditLedger {

    private static final Logger LOG = Logger.getLogger(AuditLedger.class);

    private final EventSink sink;
    private final Clock clock;
    private final String observerId;
    private final Map<String, Map<String, CheckTracker>> trackers = new ConcurrentHashMap<>();
    private final Map<String, List<WorkloadAudit>> latest = new ConcurrentHashMap<>();

    AuditLedger(EventSink sink, Clock clock, HealthConfig config) {
        this.sink = sink;
        this.clock = clock;
        this.observerId = config.observerId();
    }

    /** Records one audit round of one audit check. */
    public synchronized void record(CheckSpec audit, List<WorkloadAudit> audits) {
        Instant at = clock.instant();
        Map<String, CheckTracker> byWorkload = trackers.computeIfAbsent(audit.key(), key -> new HashMap<>());
        Set<String> seen = audits.stream().map(WorkloadAudit::workload).collect(Collectors.toSet());
        byWorkload.keySet().retainAll(seen);
        for (WorkloadAudit workload : audits) {
            CheckTracker tracker = byWorkload.computeIfAbsent(workload.workload(), key -> new CheckTracker(workloadCheck(audit, key)));
            ProbeOutcome outcome = workload.compliant()
                    ? ProbeOutcome.pass(null, Duration.ZERO, workload.workload() + " meets the HA rules")
                    : ProbeOutcome.fail(null, Duration.ZERO, String.join("; ", workload.findings()), workload.workload());
            tracker.record(outcome, at).ifPresent(change -> {
                LOG.infof("audit site=%s workload=%s status=%s findings=%s", audit.site(), workload.workload(), change.to(),
                        workload.findings());
                sink.publish(CheckEvents.of(tracker.spec(), change, observerId));
            });
        }
        latest.put(audit.key(), List.copyOf(audits));
    }

    /** The latest findings on a site (non-compliant workloads only), from every audit check of the site. */
    public List<WorkloadAudit> findings(String site) {
        List<WorkloadAudit> findings = new ArrayList<>();
        latest.forEach((key, audits) -> {
            if (key.startsWith(site + "/")) {
                audits.stream().filter(audit -> !audit.compliant()).forEach(findings::add);
            }
        });
        findings.sort(Comparator.comparing(WorkloadAudit::workload));
        return findings;
    }

    private static CheckSpec workloadCheck(CheckSpec audit, String workload) {
        return new CheckSpec(audit.site(), audit.checkId() + ":" + workload, audit.kind(), Severity.WARNING,
                audit.interval(), audit.timeout(), audit.failureThreshold(), audit.successThreshold(), audit.target());
    }
}
