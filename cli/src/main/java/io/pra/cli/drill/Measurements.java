package io.pra.cli.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.pra.cli.ops.PraApi;
import io.pra.cli.scenario.DrillTopology;
import io.pra.cli.scenario.Scenario;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.events.health.SiteDown;
import io.pra.testkit.sink.SlackSink;

/** What a drill measured at its end, from the events seen, the fake site B, the sinks and the services' APIs. */
final class Measurements {

    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, Integer> restoresPerEpoch = new TreeMap<>();
    final Map<String, Integer> cutoversPerEpoch = new TreeMap<>();
    final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    final Map<String, Integer> deadLetters = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    int slackPosts;
    int slackDuplicates;
    int emails;
    int emailDuplicates;

    static Measurements take(Scenario scenario, DrillEnvironment env, EventFeed feed, EventNarrator narrator,
            List<TimelinePlayer.OutageWindow> outages) {
        Measurements m = new Measurements();
        m.countRuns(scenario, feed, outages);
        m.timings(feed, narrator);
        m.countSiteB(env);
        m.countNotifications(env);
        m.deadLetters.putAll(feed.deadLetters());
        m.values.put("dlq", m.deadLetters.values().stream().mapToInt(Integer::intValue).sum());
        m.askServices(env, feed);
        return m;
    }

    private void countRuns(Scenario scenario, EventFeed feed, List<TimelinePlayer.OutageWindow> outages) {
        List<ObservedEvent> decisions = feed.events(e -> e.event() instanceof FailoverDecided d
                && d.trigger() != Trigger.DRILL);
        values.put("failovers", decisions.size());
        Duration grace = scenario.settings().voteTtl().plus(Duration.ofSeconds(5));
        int falseOnes = 0;
        for (ObservedEvent decision : decisions) {
            FailoverDecided d = (FailoverDecided) decision.event();
            if (d.trigger() == Trigger.QUORUM && !duringOutage(decision.receivedAt(), outages, grace)) {
                falseOnes++;
            }
        }
        values.put("falseFailovers", falseOnes);
        values.put("approvalRequired", (int) decisions.stream()
                .filter(e -> ((FailoverDecided) e.event()).approvalRequired()).count());
        values.put("completedFailovers", feed.count("pra.failover.completed"));
        values.put("failedFailovers", feed.count("pra.failover.failed"));
        values.put("abortedFailovers", feed.count("pra.failover.aborted"));
        values.put("fence", fenceOutcome(feed));
        values.put("awaitingApproval", feed.count("pra.failover.awaiting-approval"));
        values.put("drills", feed.count("pra.drill.completed"));
        values.put("backupsCompleted", feed.count("pra.backup.completed"));
        values.put("backupsFailed", feed.count("pra.backup.failed"));
        values.put("quorumIncomplete", feed.count("pra.failover.quorum-incomplete"));
    }

    /** How the last FENCE_SOURCE that ended ended (a resumed run may record it after a crash); null if none did. */
    private static String fenceOutcome(EventFeed feed) {
        List<ObservedEvent> ends = feed.events(e -> e.event() instanceof FailoverStep step
                && step.phase() == FailoverPhase.FENCE_SOURCE && step.status() != StepStatus.STARTED);
        return ends.isEmpty() ? null : String.valueOf(((FailoverStep) ends.get(ends.size() - 1).event()).status());
    }

    private static boolean duringOutage(Instant at, List<TimelinePlayer.OutageWindow> outages, Duration grace) {
        for (TimelinePlayer.OutageWindow window : outages) {
            if ("partial".equals(window.kind())) {
                continue;
            }
            boolean started = !at.isBefore(window.start());
            boolean notOver = window.end() == null || !at.isAfter(window.end().plus(grace));
            if (started && notOver) {
                return true;
            }
        }
        return false;
    }

    private void timings(EventFeed feed, EventNarrator narrator) {
        Instant lost = narrator.siteLostAt();
        List<ObservedEvent> decisions = feed.events(e -> e.event() instanceof FailoverDecided d
                && d.trigger() == Trigger.QUORUM);
        if (lost != null && !decisions.isEmpty()) {
            values.put("maxDecisionSeconds", seconds(Duration.between(lost, decisions.get(0).receivedAt())));
        } else {
            values.put("maxDecisionSeconds", null);
        }
        List<ObservedEvent> completed = feed.events(e -> e.event() instanceof FailoverCompleted);
        if (!completed.isEmpty()) {
            FailoverCompleted c = (FailoverCompleted) completed.get(completed.size() - 1).event();
            values.put("maxRtoSeconds", c.rtoAchieved() == null ? null : seconds(c.rtoAchieved()));
            values.put("maxRpoSeconds", c.rpoAchieved() == null ? null : seconds(c.rpoAchieved()));
            if (c.phaseDurations() != null) {
                for (PhaseDuration phase : c.phaseDurations()) {
                    if (phase.duration() != null) {
                        phaseSeconds.put(String.valueOf(phase.phase()), seconds(phase.duration()));
                    }
                }
            }
        } else {
            values.put("maxRtoSeconds", null);
            List<ObservedEvent> decided = feed.events(e -> e.event() instanceof FailoverDecided);
            Object rpo = null;
            if (!decided.isEmpty()) {
                FailoverDecided d = (FailoverDecided) decided.get(decided.size() - 1).event();
                if (d.expectedDataLoss() != null) {
                    rpo = seconds(d.expectedDataLoss());
                    notes.add("RPO is the decision's expected data loss: no failover completed");
                }
            }
            values.put("maxRpoSeconds", rpo);
        }
        if (phaseSeconds.isEmpty()) {
            for (ObservedEvent e : feed.events(e -> e.event() instanceof FailoverStep)) {
                FailoverStep step = (FailoverStep) e.event();
                if (step.status() == StepStatus.SUCCEEDED && step.duration() != null) {
                    phaseSeconds.put(String.valueOf(step.phase()), seconds(step.duration()));
                }
            }
        }
    }

    private void countSiteB(DrillEnvironment env) {
        restoresPerEpoch.putAll(env.siteB().restoresPerEpoch());
        cutoversPerEpoch.putAll(env.siteB().cutoversPerEpoch());
        values.put("restoresPerEpoch", perEpoch(restoresPerEpoch));
        values.put("cutoversPerEpoch", perEpoch(cutoversPerEpoch));
    }

    /** The count every epoch has; the largest when they differ; 0 when no epoch has any. */
    private static int perEpoch(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("none")).mapToInt(Map.Entry::getValue)
                .max().orElse(0);
    }

    private void countNotifications(DrillEnvironment env) {
        Map<String, Integer> bodies = new HashMap<>();
        for (SlackSink.ReceivedPost post : env.slack().posts()) {
            if (post.accepted()) {
                slackPosts++;
                bodies.merge(post.body(), 1, Integer::sum);
            }
        }
        slackDuplicates = bodies.values().stream().mapToInt(n -> n - 1).sum();
        Map<String, Integer> mails = new HashMap<>();
        for (var message : env.smtp().messages()) {
            emails++;
            try {
                mails.merge(message.getSubject() + "\n" + io.pra.cli.drill.MailText.of(message), 1, Integer::sum);
            } catch (Exception e) {
                notes.add("an email could not be read: " + e.getMessage());
            }
        }
        emailDuplicates = mails.values().stream().mapToInt(n -> n - 1).sum();
        values.put("notifications.slack", slackPosts);
        values.put("notifications.email", emails);
        values.put("duplicateNotifications", slackDuplicates + emailDuplicates);
    }

    /**
     * Notifications that should have reached a sink and did not: for every event of a notified type the drill saw
     * on Kafka, each channel of the route must have a SENT delivery in notifier-service's log (a missing, FAILED or
     * still PENDING one is lost); and the deliveries it says it SENT on a channel must have reached that channel's
     * sink (several grouped deliveries may arrive as one message, so an empty sink is the loss that can be told).
     */
    private int lostNotifications(DrillEnvironment env, EventFeed feed) {
        PraApi notifier = new PraApi(DrillTopology.NOTIFIER, env.process(DrillTopology.NOTIFIER).baseUrl(), null);
        Map<String, String> statusByEventAndChannel = new HashMap<>();
        Map<String, Integer> sentPerChannel = new HashMap<>();
        for (JsonNode delivery : notifier.get("/api/v1/deliveries?limit=1000")) {
            String channel = delivery.path("channel").asText();
            String status = delivery.path("status").asText();
            statusByEventAndChannel.put(delivery.path("eventId").asText() + "/" + channel, status);
            if (status.equals("SENT")) {
                sentPerChannel.merge(channel, 1, Integer::sum);
            }
        }
        int lost = 0;
        for (Map.Entry<String, List<ObservedEvent>> told : mustTell(feed).entrySet()) {
            for (String channel : ServiceLaunches.CHANNELS) {
                boolean sent = told.getValue().stream()
                        .anyMatch(e -> "SENT".equals(statusByEventAndChannel.get(e.id() + "/" + channel)));
                if (!sent) {
                    lost++;
                    notes.add("notification lost: " + told.getKey() + " on " + channel + " ("
                            + told.getValue().stream().map(e -> statusByEventAndChannel.getOrDefault(
                                    e.id() + "/" + channel, "no delivery")).distinct().toList() + ")");
                }
            }
        }
        if (slackPosts == 0) {
            lost += sentPerChannel.getOrDefault("slack", 0);
        }
        if (emails == 0) {
            lost += sentPerChannel.getOrDefault("email", 0);
        }
        return lost;
    }

    /**
     * What must be told, each entry on every channel: each notified event once, except that a site-down is told once
     * per episode (site, observer, firstFailedAt), the key, with all of its events (first and heartbeats) as the
     * value; heartbeats are suppressed by design (notifier's SiteDownEpisodes), so any one of them being told is
     * enough.
     */
    private static Map<String, List<ObservedEvent>> mustTell(EventFeed feed) {
        Map<String, List<ObservedEvent>> mustTell = new LinkedHashMap<>();
        for (ObservedEvent event : feed.events(e -> e.event() != null && notified(e.type()))) {
            String key = event.event() instanceof SiteDown down && down.firstFailedAt() != null
                    ? "site-down episode " + down.site() + "/" + down.observerId() + "/" + down.firstFailedAt()
                    : event.type() + " " + event.id();
            mustTell.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        return mustTell;
    }

    /**
     * Waits (at most {@code bound}) until notifier-service has a delivery in a final state (SENT or FAILED) for
     * everything that must be told ({@link #mustTell}), on every channel: grouping holds low-severity events for its
     * window. A site-down heartbeat never gets a delivery of its own, so waiting for one per event would always run
     * to the bound while a site is down.
     */
    static void awaitNotificationsSettled(DrillEnvironment env, EventFeed feed, Duration bound) {
        PraApi notifier = new PraApi(DrillTopology.NOTIFIER, env.process(DrillTopology.NOTIFIER).baseUrl(), null);
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                java.util.Set<String> settled = new java.util.HashSet<>();
                for (JsonNode delivery : notifier.get("/api/v1/deliveries?limit=1000")) {
                    if (!delivery.path("status").asText().equals("PENDING")) {
                        settled.add(delivery.path("eventId").asText() + "/" + delivery.path("channel").asText());
                    }
                }
                boolean all = mustTell(feed).values().stream()
                        .allMatch(told -> ServiceLaunches.CHANNELS.stream()
                                .allMatch(c -> told.stream().anyMatch(e -> settled.contains(e.id() + "/" + c))));
                if (all) {
                    return;
                }
            } catch (RuntimeException e) {
                // notifier-service may be down in this scenario: the measurement says so.
                return;
            }
            TimelinePlayer.sleep(500);
        }
    }

    private static boolean notified(String type) {
        return ServiceLaunches.NOTIFIED_TYPES.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : type.equals(pattern));
    }

    /**
     * The votes every failover-service replica refused, all reasons together, from its {@code /q/metrics}
     * ({@code pra_votes_rejected_total}); counters start again at 0 when a replica restarts. Null (not measured)
     * when a replica does not answer.
     */
    private void countRejectedVotes(DrillEnvironment env) {
        double rejected = 0;
        for (String name : List.of(DrillTopology.FAILOVER, DrillTopology.FAILOVER_2)) {
            if (!env.processes().containsKey(name)) {
                continue;
            }
            try {
                rejected += RejectedVotesMetric.scrape(env.process(name).baseUrl());
            } catch (RuntimeException e) {
                values.put("rejectedVotes", null);
                notes.add("rejectedVotes not measured: " + name + ": " + e.getMessage());
                return;
            }
        }
        values.put("rejectedVotes", (long) rejected);
    }

    private void askServices(DrillEnvironment env, EventFeed feed) {
        countRejectedVotes(env);
        try {
            values.put("lostNotifications", lostNotifications(env, feed));
        } catch (RuntimeException e) {
            values.put("lostNotifications", null);
            notes.add("lostNotifications not measured: " + e.getMessage());
        }
        try {
            PraApi failover = new PraApi(DrillTopology.FAILOVER, env.process(DrillTopology.FAILOVER).baseUrl(),
                    env.tokens().token("drill-viewer", List.of("pra-viewer")));
            JsonNode site = failover.get("/api/v1/sites/a");
            values.put("finalMode", site.path("mode").isMissingNode() ? null : site.path("mode").asText());
        } catch (RuntimeException e) {
            values.put("finalMode", null);
            notes.add("finalMode not measured: " + e.getMessage());
        }
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
