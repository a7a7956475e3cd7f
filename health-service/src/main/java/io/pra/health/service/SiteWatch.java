package io.pra.health.service;

import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.CheckStatus;
import io.pra.health.domain.CheckTransition;
import io.pra.health.domain.SitePlan;
import io.pra.health.domain.SiteTracker;
import io.pra.health.domain.SiteVerdict;
import io.pra.health.domain.StartupGrace;
import io.pra.health.domain.VoteSequence;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One watched site: runs its checks, publishes their transitions, and votes. Votes are heartbeats both ways: when the
 * critical checks make the site DOWN it sends {@code pra.site.down} at once, and when they make it up again
 * {@code pra.site.up} at once; then, every vote interval, it re-sends the vote of the site's current state with a
 * growing sequence (a vote lapses after its TTL at the failover-service, so a consumer's view of this observer never
 * rests on one old record). An up heartbeat needs evidence: it is sent only once every critical check has been
 * judged (probed, and out of its start-up grace), so a site down from the start is never voted up while the
 * observer warms up. The up vote that ends an outage carries its {@code firstFailedAt}; up heartbeats carry none.
 */
final class SiteWatch {

    private static final Logger LOG = Logger.getLogger(SiteWatch.class);

    private final SitePlan plan;
    private final ObserverIdentity observer;
    private final Vertx vertx;
    private final Clock clock;
    private final EventSink sink;
    private final VoteSequence sequence;
    private final HealthMetrics metrics;
    private final SiteTracker tracker;
    private final List<CheckRunner> runners = new ArrayList<>();
    private long heartbeatTimer = -1;
    private boolean stopped;
    private SiteVerdict verdict;

    SiteWatch(SitePlan plan, ObserverIdentity observer, StartupGrace grace, Vertx vertx, Clock clock, EventSink sink,
            VoteSequence sequence, HealthMetrics metrics, Function<CheckSpec, Prober> probers) {
        this.plan = plan;
        this.observer = observer;
        this.vertx = vertx;
        this.clock = clock;
        this.sink = sink;
        this.sequence = sequence;
        this.metrics = metrics;
        this.tracker = new SiteTracker(plan.site(), plan.rule());
        for (CheckSpec check : plan.checks()) {
            runners.add(new CheckRunner(check, grace, probers.apply(check), vertx, clock, metrics,
                    this::transition));
        }
        metrics.site(plan.site(), tracker::isDown,
                () -> runners.stream().filter(runner -> runner.snapshot().warmingUp()).count());
        runners.forEach(runner -> metrics.check(runner.spec(), () -> runner.snapshot().status() != CheckStatus.DEGRADED));
    }

    void start() {
        runners.forEach(CheckRunner::start);
        synchronized (this) {
            armHeartbeat();
        }
    }

    synchronized void stop() {
        stopped = true;
        runners.forEach(CheckRunner::stop);
        cancelHeartbeat();
    }

    String site() {
        return plan.site();
    }

    List<CheckSnapshot> checks() {
        return runners.stream().map(CheckRunner::snapshot).toList();
    }

    synchronized boolean isDown() {
        return tracker.isDown();
    }

    private void transition(CheckRunner runner, CheckTransition change) {
        CheckSpec spec = runner.spec();
        if (change.to() == CheckStatus.DEGRADED) {
            LOG.warnf("check degraded site=%s check=%s kind=%s failures=%d error=%s", spec.site(), spec.checkId(),
                    spec.kind().configName(), change.consecutive(), change.evidence().error());
        } else {
            LOG.infof("check recovered site=%s check=%s kind=%s successes=%d", spec.site(), spec.checkId(),
                    spec.kind().configName(), change.consecutive());
        }
        sink.publish(CheckEvents.of(spec, change, observer.observerId()));
        if (spec.critical()) {
            evaluate();
        }
    }

    private synchronized void evaluate() {
        verdict = tracker.evaluate(checks());
        if (verdict.changed()) {
            announce();
        }
    }

    private synchronized void heartbeat() {
        // Re-evaluated so the heartbeat carries the checks failing now and their latest evidence.
        List<CheckSnapshot> checks = checks();
        verdict = tracker.evaluate(checks);
        if (verdict.changed()) {
            // A transition's own evaluation may come just after this one: the change is announced here then.
            announce();
        } else if (verdict.down()) {
            voteDown();
        } else if (plan.rule().judgesUp(checks)) {
            voteUp();
        }
    }

    /** The vote of a change, at once; the next heartbeat comes one vote interval after it. */
    private void announce() {
        if (verdict.down()) {
            LOG.errorf("site down site=%s observer=%s failing=%s", plan.site(), observer.observerId(),
                    verdict.failingChecks().stream().map(check -> check.checkId()).toList());
            voteDown();
        } else {
            LOG.infof("site up site=%s observer=%s", plan.site(), observer.observerId());
            voteUp();
        }
        armHeartbeat();
    }

    private void voteDown() {
        sink.publish(new SiteDown(plan.site(), observer.observerId(), observer.failureDomain(), clock.instant(),
                verdict.firstFailedAt(), sequence.next(), verdict.failingChecks(), observer.voteTtl(),
                sequence.bootId()));
    }

    /** The verdict's {@code firstFailedAt} is the ended outage's start when it just changed, null on a heartbeat. */
    private void voteUp() {
        sink.publish(new SiteUp(plan.site(), observer.observerId(), observer.failureDomain(), clock.instant(),
                verdict.firstFailedAt(), sequence.next(), verdict.failingChecks(), observer.voteTtl(),
                sequence.bootId()));
    }

    private void armHeartbeat() {
        cancelHeartbeat();
        if (!stopped) {
            heartbeatTimer = vertx.setPeriodic(observer.voteInterval().toMillis(), id -> heartbeat());
        }
    }

    private void cancelHeartbeat() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
    }
}
