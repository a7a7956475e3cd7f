package io.pra.cli.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import io.pra.cli.ops.PraApi;
import io.pra.cli.scenario.DrillTopology;
import io.pra.cli.scenario.DurationText;
import io.pra.cli.scenario.Scenario;
import io.pra.cli.scenario.ScenarioParser;
import io.pra.events.failover.FailoverRunEvent;
import io.pra.events.failover.FailoverStep;
import io.pra.testkit.launch.ServiceProcess;

/** Plays a scenario's timeline against a running {@link DrillEnvironment}, one step when its trigger fires. */
final class TimelinePlayer {

    /** What happened to one step. */
    record StepResult(Scenario.Step step, Instant startedAt, Duration took, String error) {

        boolean ok() {
            return error == null;
        }
    }

    /** A window during which the source site was under an injected outage (end null while it lasts). */
    record OutageWindow(Instant start, Instant end, String kind) {
    }

    private final DrillEnvironment env;
    private final EventFeed feed;
    private final EventNarrator narrator;
    private final Progress progress;
    private final List<StepResult> results = new ArrayList<>();
    private final List<OutageWindow> outages = new ArrayList<>();
    /** When the timeline started: drill times (replay-votes' from and to) count from it. */
    private Instant t0;

    TimelinePlayer(DrillEnvironment env, EventFeed feed, EventNarrator narrator, Progress progress) {
        this.env = env;
        this.feed = feed;
        this.narrator = narrator;
        this.progress = progress;
        narrator.recognizeForgeries(env.voteInjector()::forged);
    }

    /**
     * Runs the steps in order, each once its trigger fired ({@code at}: {@code t0 + at}; {@code on}/{@code when}:
     * once the drill has seen that record) and its {@code after} delay passed. A step that fails is recorded and the
     * timeline goes on; steps whose trigger has not fired by {@code deadline} are recorded as not run.
     */
    void play(Instant t0, List<Scenario.Step> steps, Instant deadline) {
        this.t0 = t0;
        for (Scenario.Step step : steps) {
            if (!awaitTrigger(t0, step.trigger(), deadline)) {
                String error = "not run: " + step.trigger().describe() + " did not happen before the drill's end";
                progress.line("STEP      " + step.describe() + ": " + error + "  (scenario line " + step.line() + ")");
                results.add(new StepResult(step, Instant.now(), Duration.ZERO, error));
                continue;
            }
            if (!step.after().isZero()) {
                sleep(step.after().toMillis());
            }
            Instant started = Instant.now();
            progress.line("STEP      " + step.describe() + "  (" + step.trigger().describe()
                    + (step.after().isZero() ? "" : " + " + DurationText.format(step.after()))
                    + ", scenario line " + step.line() + ")");
            String error = null;
            try {
                run(step);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                progress.line("STEP      FAILED: " + step.describe() + ": " + error);
            }
            results.add(new StepResult(step, started, Duration.between(started, Instant.now()), error));
        }
    }

    /** Waits until {@code trigger} fired; false when {@code deadline} came first. */
    private boolean awaitTrigger(Instant t0, Scenario.Trigger trigger, Instant deadline) {
        while (!fired(t0, trigger)) {
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            long due = trigger instanceof Scenario.Trigger.At at
                    ? Math.max(1, Duration.between(Instant.now(), t0.plus(at.offset())).toMillis()) : 50;
            sleep(Math.min(due, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
        }
        return true;
    }

    private boolean fired(Instant t0, Scenario.Trigger trigger) {
        if (trigger instanceof Scenario.Trigger.At at) {
            return !Instant.now().isBefore(t0.plus(at.offset()));
        }
        if (trigger instanceof Scenario.Trigger.On on) {
            return feed.seen(on.eventType());
        }
        Scenario.Trigger.When when = (Scenario.Trigger.When) trigger;
        return !feed.events(e -> e.event() instanceof FailoverStep step
                && when.phase().equals(String.valueOf(step.phase()))
                && when.status().equals(String.valueOf(step.status()))).isEmpty();
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    synchronized List<OutageWindow> outages() {
        return List.copyOf(outages);
    }

    private void run(Scenario.Step step) {
        switch (step.action()) {
            case BACKUP -> backup(step.field("group").orElse(ServiceLaunches.GROUP));
            case OUTAGE -> {
                String site = step.field("site").orElseThrow();
                String kind = step.field("kind").orElse("total");
                env.sites().outage(site, kind, step.field("period").map(DurationText::parse).orElse(Duration.ZERO));
                if ("a".equals(site)) {
                    Instant now = Instant.now();
                    synchronized (this) {
                        outages.add(new OutageWindow(now, null, kind));
                    }
                    if (!"partial".equals(kind)) {
                        narrator.siteLost(now);
                    }
                }
            }
            case RECOVER -> {
                String site = step.field("site").orElseThrow();
                env.sites().recover(site);
                if ("a".equals(site)) {
                    closeOutage();
                }
            }
            case PARTITION -> env.proxy(target(step)).partition();
            case HEAL -> env.proxy(target(step)).heal();
            case SKEW -> env.skew(step.field("observer").orElseThrow(),
                    DurationText.parse(step.field("by").orElseThrow()));
            case KILL -> env.process(target(step)).kill();
            case START -> env.process(target(step)).start();
            case RESTART -> {
                ServiceProcess process = env.process(target(step));
                process.kill();
                process.start();
            }
            case BROKER_RESTART -> env.restartBroker(step.field("down").map(DurationText::parse)
                    .orElse(Duration.ofSeconds(2)));
            case DB_RESTART -> env.restartDatabase(step.field("down").map(DurationText::parse)
                    .orElse(Duration.ofSeconds(2)));
            case FAIL_BACKUPS -> env.sites().failBackups(step.field("count").map(Integer::parseInt).orElse(1));
            case RESTORE_FAULT -> env.sites().restoreFault(step.field("kind").orElseThrow(),
                    step.field("count").map(Integer::parseInt).orElse(1));
            case MODE -> failoverApi(step.field("by").orElse("drill-operator")).put("/api/v1/sites/"
                    + step.field("site").orElse("a") + "/mode", new TreeMap<>(Map.of("mode",
                    step.field("mode").orElseThrow(), "reason", step.field("reason").orElse("set by the drill"))));
            case FAILOVER -> failoverApi(step.field("by").orElse("drill-operator")).post("/api/v1/sites/"
                    + step.field("site").orElse("a") + "/failover",
                    Map.of("reason", step.field("reason").orElse("requested by the drill")));
            case APPROVE -> {
                String id = latestRunId().orElseThrow(() -> new IllegalStateException("no failover to approve"));
                failoverApi(step.field("by").orElse("drill-approver")).post("/api/v1/failovers/" + id + "/approve",
                        Map.of("comment", step.field("comment").orElse("approved by the drill")));
            }
            case ABORT -> {
                String id = latestRunId().orElseThrow(() -> new IllegalStateException("no failover to abort"));
                failoverApi(step.field("by").orElse("drill-operator")).post("/api/v1/failovers/" + id + "/abort",
                        Map.of("reason", step.field("reason").orElse("aborted by the drill")));
            }
            case DRILL -> failoverApi("drill-operator").post("/api/v1/drills",
                    Map.of("site", step.field("site").orElse("a")));
            case WAIT -> waitFor(step);
            case LINK_CUT -> env.siteALink(linkedObservers(step), true);
            case LINK_HEAL -> env.siteALink(linkedObservers(step), false);
            case FORGE_VOTE -> forgeVote(step);
            case REPLAY_VOTES -> replayVotes(step);
            default -> throw new IllegalStateException("unhandled action " + step.action());
        }
    }

    private synchronized void closeOutage() {
        for (int i = 0; i < outages.size(); i++) {
            OutageWindow window = outages.get(i);
            if (window.end() == null) {
                outages.set(i, new OutageWindow(window.start(), Instant.now(), window.kind()));
            }
        }
    }

    private void backup(String group) {
        PraApi api = new PraApi(DrillTopology.BACKUP, env.process(DrillTopology.BACKUP).baseUrl(), null);
        var answer = api.post("/api/v1/backups", Map.of("group", group));
        progress.line("STEP      on-demand backup requested: " + answer.path("name").asText(answer.toString()));
    }

    private PraApi failoverApi(String operator) {
        return new PraApi(DrillTopology.FAILOVER, env.process(DrillTopology.FAILOVER).baseUrl(),
                env.tokens().operatorToken(operator));
    }

    private Optional<String> latestRunId() {
        List<ObservedEvent> runs = feed.events(e -> e.event() instanceof FailoverRunEvent);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(((FailoverRunEvent) runs.get(runs.size() - 1).event()).failoverId().toString());
    }

    private void waitFor(Scenario.Step step) {
        Optional<String> event = step.field("event");
        if (event.isEmpty()) {
            sleep(DurationText.parse(step.field("for").orElseThrow()).toMillis());
            return;
        }
        Duration timeout = step.field("timeout").map(DurationText::parse).orElse(Duration.ofSeconds(60));
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> phase = step.field("phase");
        while (phase.isEmpty() ? !feed.seen(event.get()) : feed.events(e -> e.event() instanceof FailoverStep s
                && phase.get().equals(String.valueOf(s.phase()))).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(event.get() + phase.map(p -> " (phase " + p + ")").orElse("")
                        + " not seen within " + DurationText.format(timeout));
            }
            sleep(100);
        }
    }

    /** The observer of a link step, or every observer of its domain. */
    private List<String> linkedObservers(Scenario.Step step) {
        return step.field("observer").map(List::of).orElseGet(() -> env.observersIn(step.field("domain").orElseThrow()));
    }

    /**
     * A vote that {@code as} did not cast, in a boot of its own; by default with the largest sequence there is, so
     * that only the signature check can stop it.
     */
    private void forgeVote(Scenario.Step step) {
        String as = step.field("as").orElseThrow();
        String signer = step.field("signer").orElseThrow();
        env.voteInjector().forge(as, env.domainOf(as), step.field("site").orElseThrow(),
                "down".equals(step.field("state").orElseThrow()),
                step.field("sequence").map(Long::parseLong).orElse(Long.MAX_VALUE),
                ScenarioParser.NO_SIGNER.equals(signer) ? null : env.observerKeys().get(signer));
    }

    /** Publishes again the votes the drill received between {@code from} and {@code to} (drill times). */
    private void replayVotes(Scenario.Step step) {
        Instant from = t0.plus(DurationText.parse(step.field("from").orElseThrow()));
        Instant to = t0.plus(DurationText.parse(step.field("to").orElseThrow()));
        if (Instant.now().isBefore(to)) {
            throw new IllegalStateException("replay-votes up to " + step.field("to").orElseThrow()
                    + " played before that time: give it a later 'at'");
        }
        List<EventFeed.RawVote> votes = feed.votes().stream()
                .filter(v -> !v.receivedAt().isBefore(from) && v.receivedAt().isBefore(to)).toList();
        env.voteInjector().replay(votes);
        progress.line("STEP      replayed " + votes.size() + " vote record(s) received between "
                + step.field("from").orElseThrow() + " and " + step.field("to").orElseThrow());
    }

    private static String target(Scenario.Step step) {
        return step.field("observer").or(() -> step.field("service")).orElseThrow();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
