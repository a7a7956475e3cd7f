package io.pra.failover.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.pra.failover.domain.ApprovalPolicy;
import io.pra.failover.persistence.RunRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled approval check: applies each waiting run's timeout policy once its deadline
 * passed (each run in its own transaction under the site's lock, so replicas never apply it
 * twice), counts them in {@code pra_failover_approval_timeouts_total{action}}, and keeps
 * {@code pra_failover_approvals_pending} current.
 */
@ApplicationScoped
public class ApprovalTimeouts {

    private static final Logger LOG = Logger.getLogger(ApprovalTimeouts.class);

    private final Clock clock;
    private final RunRepository runs;
    private final RunControl control;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    ApprovalTimeouts(Clock clock, RunRepository runs, RunControl control, MeterRegistry registry) {
        this.clock = clock;
        this.runs = runs;
        this.control = control;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup, ApprovalPolicy policy) {
        registry.gauge("pra.failover.approvals.pending", pending);
        LOG.infof("approval policy: timeout=%s onTimeout=%s", policy.timeout(), policy.onTimeout());
    }

    /** Applies the policy to every run past its deadline; one run's failure does not stop the others. */
    @Scheduled(identity = "approval-timeouts", every = "${pra.failover.approval.check-interval:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> runs.awaitingApprovalDue(clock.instant()));
        for (UUID failoverId : due) {
            try {
                control.applyApprovalTimeout(failoverId).ifPresent(action -> registry.counter(
                        "pra.failover.approval.timeouts", "action", action.name().toLowerCase(Locale.ROOT)).increment());
            } catch (RuntimeException e) {
                LOG.warnf(e, "approval timeout not applied, will retry: failoverId=%s", failoverId);
            }
        }
        pending.set(QuarkusTransaction.requiringNew().call(runs::countAwaitingApproval));
    }
}
