package io.pra.bench;

import io.pra.bench.kafka.EventPublisher;
import io.pra.bench.kafka.EventTap;
import io.pra.bench.kafka.FailoverDb;
import io.pra.bench.proc.Pause;
import io.pra.bench.proc.ProcStats;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats.Latency;
import io.pra.bench.loopback.TargetServer;
import io.pra.events.EventTypes;
import io.pra.events.Topics;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.FailoverLaunch;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comparison 3: the decision path of failover-service (the packaged service, embedded PostgreSQL, in-JVM Kafka).
 * (a) Last quorum vote produced → {@code pra.failover.decided} consumed, with votes the bench publishes.
 * (b) Site loss → decision: three health-service observers probe the site every 2 s (threshold 3) and the site's
 * endpoint stops answering. failover-service protects one site, and a site with a run not over takes no new
 * decision: between trials the bench ends the open run in the database (see {@link FailoverDb}) and runs the
 * service with {@code cooldown=PT0S}, so every trial decides a new epoch of the same site.
 */
final class DecisionBench {

    private static final String SITE = "a";
    private static final String TARGET_SITE = "b";
    private static final List<String> OBSERVERS = List.of("obs-1", "obs-2", "obs-3");
    private static final Duration VOTE_TTL = Duration.ofSeconds(30);
    /** The boot of the observers the bench plays: one for the whole run, their sequences grow within it. */
    private static final String BOOT_ID = java.util.UUID.randomUUID().toString();
    /**
     * Decisions made before the counted trials: the first ones after start run cold code (90 and 61 ms, then about
     * 30, on an idle machine), a start-up cost rather than the decision path's.
     */
    private static final int WARM_UP_TRIALS = 10;

    private final BenchContext context;
    private final Map<String, Long> sequences = new HashMap<>();

    DecisionBench(BenchContext context) {
        this.context = context;
    }

    Section run(int voteTrials, int siteLossTrials) {
        String kafka = context.infrastructure().kafka();
        Database database = context.infrastructure().database("bench_failover");
        PlayedObservers publisher = new PlayedObservers(context, kafka, OBSERVERS);
        FailoverLaunch launch = publisher.countedBy(new FailoverLaunch("decision-failover", LoopbackPorts.free(),
                kafka, database)).instance("bench").sites(SITE, TARGET_SITE).cooldown(Duration.ZERO)
                .executionEnabled(false).voteTtl(VOTE_TTL);
        List<Double> vote = new ArrayList<>();
        List<Double> siteLoss = new ArrayList<>();
        int[] lost = new int[2];
        context.log("decision: starting failover-service");
        try (ServiceProcess failover = BenchContext.ready(context.begin(launch));
                FailoverDb db = new FailoverDb(database);
                publisher;
                EventTap decisions = new EventTap(kafka, Topics.FAILOVER)) {
            publishBackup(new EventPublisher(kafka, "backup-service", "bench"));
            if (!Waits.until(Duration.ofSeconds(60), () -> db.backupsSeen(SITE, TARGET_SITE) > 0)) {
                throw new IllegalStateException("decision bench: failover-service did not record the backup within 60 s");
            }
            context.log("decision: %d warm-up decisions (not counted), then %d quorum-vote trials", WARM_UP_TRIALS,
                    voteTrials);
            for (int trial = -WARM_UP_TRIALS; trial < voteTrials; trial++) {
                OBSERVERS.forEach(observer -> publisher.send(up(observer)));
                db.endOpenRun(SITE);
                SiteDown first = down(OBSERVERS.get(0));
                publisher.send(first);
                if (!Waits.until(Duration.ofSeconds(30), () -> db.voteRecorded(SITE, first.observerId(), first.sequence()))) {
                    context.log("decision: trial %d: obs-1's vote not recorded within 30 s, trial lost", trial);
                    lost[0] += trial < 0 ? 0 : 1;
                    continue;
                }
                int before = decided(decisions).size();
                SiteDown last = down(OBSERVERS.get(1));
                long sent = System.nanoTime();
                publisher.send(last);
                long at = awaitDecision(decisions, before, Duration.ofSeconds(10));
                if (trial < 0) {
                    continue;
                }
                if (at < 0) {
                    context.log("decision: trial %d: no decision within 10 s of the last vote", trial);
                    lost[0]++;
                } else {
                    vote.add((at - sent) / 1e6);
                }
                failover.child().requireAlive();
            }
            OBSERVERS.forEach(observer -> publisher.send(up(observer)));
            db.endOpenRun(SITE);
            if (siteLossTrials > 0) {
                siteLoss(kafka, db, decisions, siteLossTrials, siteLoss, lost);
            }
            failover.child().requireAlive();
            context.footprintAfterLoad("failover-service, after " + voteTrials + " quorum decisions and " + siteLossTrials
                    + " site losses, executor off (part 3)", ProcStats.rssBytes(failover.pid()));
        }
        Section section = section(voteTrials, siteLossTrials, Latency.ofMillis(vote, lost[0]),
                Latency.ofMillis(siteLoss, lost[1]));
        // Each trial in order, so that a slow one can be placed (a cold start, a pause on a busy machine).
        section.put("quorumVoteToDecidedPerTrialMs", vote.stream().map(Math::round).toList());
        section.put("siteLossToDecidedPerTrialMs", siteLoss.stream().map(Math::round).toList());
        return section;
    }

    private void siteLoss(String kafka, FailoverDb db, EventTap decisions, int trials, List<Double> latencies,
            int[] lost) {
        try (TargetServer target = TargetServer.start()) {
            List<ServiceProcess> observers = new ArrayList<>();
            List<ServiceProcess> starting = new ArrayList<>();
            try {
                context.log("decision: starting 3 health-service observers (2 s probes, threshold 3)");
                for (int i = 0; i < OBSERVERS.size(); i++) {
                    starting.add(context.begin(new ObserverLaunch("decision-" + OBSERVERS.get(i), LoopbackPorts.free(),
                            kafka).instance("bench-" + OBSERVERS.get(i)).observerId(OBSERVERS.get(i))
                            .signingKeys(context.observerKeys(OBSERVERS.get(i)))
                            .failureDomain(PlayedObservers.failureDomain(OBSERVERS.get(i))).votes(VOTE_TTL, Duration.ofSeconds(2))
                            .check(SITE, "web", ObserverLaunch.Check.http(URI.create(target.url("/site/a")))
                                    .every(Duration.ofSeconds(2), Duration.ofSeconds(1)).thresholds(3, 2))));
                }
                for (ServiceProcess observer : starting) {
                    observers.add(BenchContext.ready(observer));
                }
                Pause.of(Duration.ofSeconds(5));
                context.log("decision: %d site-loss trials", trials);
                for (int trial = 0; trial < trials; trial++) {
                    int before = decided(decisions).size();
                    long lostAt = System.nanoTime();
                    target.mode("/site/a", TargetServer.Mode.HANG);
                    long at = awaitDecision(decisions, before, Duration.ofSeconds(60));
                    target.mode("/site/a", TargetServer.Mode.OK);
                    if (at < 0) {
                        lost[1]++;
                    } else {
                        latencies.add((at - lostAt) / 1e6);
                    }
                    if (!Waits.until(Duration.ofSeconds(60), () -> db.downVotes(SITE) == 0)) {
                        throw new IllegalStateException("decision bench: the observers did not vote site " + SITE
                                + " up within 60 s of its recovery");
                    }
                    db.endOpenRun(SITE);
                    observers.forEach(observer -> observer.child().requireAlive());
                }
                context.footprintAfterLoad("health-service observer obs-1, after " + trials + " site losses at 2 s "
                        + "probes (part 3)", ProcStats.rssBytes(observers.get(0).pid()));
            } finally {
                starting.forEach(ServiceProcess::close);
            }
        }
    }

    private Section section(int voteTrials, int siteLossTrials, Latency vote, Latency siteLoss) {
        Section section = new Section("decision", "3. Decision path");
        section.paragraph("""
                failover-service as a separate process (packaged jar, embedded PostgreSQL, the in-JVM Kafka broker), \
                3 observers, quorum 2, vote TTL 30 s, `cooldown=PT0S`. failover-service protects one site and decides \
                nothing while that site has a run not over. The decision is measured alone: the executor is off \
                (`pra.failover.execution.enabled=false`), and between trials the bench ends the open run in \
                failover-service's database (`outcome=ABORTED, ended_at=now()`), so each trial decides a new epoch of \
                the same site. \
                *Quorum vote*: the bench publishes `pra.site.up` from the three observers, then obs-1's \
                `pra.site.down` and waits until failover-service has recorded it, then obs-2's: latency = from just \
                before that last vote is sent (acks=all) to `pra.failover.decided` consumed by the bench; %d \
                decisions the same way before the counted trials warm the service up (the first ones after start run \
                cold code, 60–90 ms). \
                *Site loss*: three health-service processes (observers in distinct failure domains) probe the site \
                every 2 s (timeout 1 s, failure threshold 3, heartbeat every 2 s); at a known instant the site's \
                endpoint stops answering (connections stay open, no response: a black-holed site); latency = from \
                that instant to `pra.failover.decided` consumed. After each trial the endpoint answers again, the \
                bench waits for the three observers' `pra.site.up` and ends the run.""".formatted(WARM_UP_TRIALS));
        section.table(List.of("path", "trials", "p50 ms", "p99 ms", "min ms", "max ms", "no decision"), List.of(
                row("last quorum vote → pra.failover.decided consumed", vote, voteTrials),
                row("site loss → pra.failover.decided consumed (3 observers, 2 s, threshold 3)", siteLoss, siteLossTrials)));
        section.put("quorumVoteToDecided", vote.json());
        section.put("siteLossToDecided", siteLoss.json());
        section.put("method", "one site, open run ended by SQL between trials, cooldown PT0S");
        return section;
    }

    private static List<String> row(String path, Latency latency, int trials) {
        return List.of(path, Integer.toString(trials), AlertBench.fmt(latency.p50()), AlertBench.fmt(latency.p99()),
                AlertBench.fmt(latency.min()), AlertBench.fmt(latency.max()), Integer.toString(latency.lost()));
    }

    private static List<EventTap.Seen> decided(EventTap tap) {
        return tap.seen().stream().filter(e -> e.attributes().type().equals(EventTypes.FAILOVER_DECIDED)).toList();
    }

    /** Consumption time of the first decision after the first {@code before} ones, or -1 when none came in time. */
    private static long awaitDecision(EventTap tap, int before, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            List<EventTap.Seen> decided = decided(tap);
            if (decided.size() > before) {
                return decided.get(before).nanos();
            }
            Pause.millis(1);
        }
        return -1;
    }

    private void publishBackup(EventPublisher backups) {
        try (backups) {
            Instant started = Instant.now().minus(Duration.ofMinutes(1));
            backups.send(Topics.BACKUP, new BackupOffsiteVerified("bench-backup", SITE, "bench", TARGET_SITE,
                    Instant.now(), "Completed", started, started.plusSeconds(20), Instant.now().plus(Duration.ofDays(30)),
                    "default", List.of("shop"), 10, 10, 0, 0));
        }
    }

    private long nextSequence(String observer) {
        long next = Math.max(sequences.getOrDefault(observer, 0L) + 1, System.currentTimeMillis());
        sequences.put(observer, next);
        return next;
    }

    private SiteDown down(String observer) {
        Instant now = Instant.now();
        return new SiteDown(SITE, observer, PlayedObservers.failureDomain(observer), now, now, nextSequence(observer),
                List.of(new FailingCheck("web", CheckKind.HTTP, new CheckEvidence(503, Duration.ofMillis(2), "HTTP 503",
                        null))), VOTE_TTL, BOOT_ID);
    }

    private SiteUp up(String observer) {
        return new SiteUp(SITE, observer, PlayedObservers.failureDomain(observer), Instant.now(), null, nextSequence(observer), List.of(),
                VOTE_TTL, BOOT_ID);
    }
}
