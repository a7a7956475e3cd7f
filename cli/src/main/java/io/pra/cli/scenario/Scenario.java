package io.pra.cli.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A disaster scenario: settings, a timeline of injected faults and operator actions, and expectations. */
public record Scenario(String name, String description, Objectives objectives, DrillSettings settings,
        List<Step> timeline, Until until, List<Expectation> expectations) {

    /** Recovery objectives the run is scored against. */
    public record Objectives(Duration rto, Duration rpo) {
    }

    /** How PRA and the simulated sites are configured for the run. */
    public record DrillSettings(String mode, int quorum, Duration voteTtl, Duration probeInterval,
            int failureThreshold, Duration cooldown, Duration dataLossBudget, int failoverReplicas,
            Duration backupDuration, Duration restoreDuration, Duration approvalTimeout,
            Map<String, Duration> clockSkew, String drillCron, int quorumDomains, Duration allowedClockSkew,
            PhaseTimeouts phaseTimeouts) {
    }

    /** Bounds of failover-service's phases in the drill (its {@code pra.failover.execution.*-timeout}). */
    public record PhaseTimeouts(Duration fence, Duration restore, Duration verify, Duration cutover) {
    }

    /**
     * One timeline entry: when its trigger fires (and {@code after} more), do this, with these fields. Steps are
     * played in order: a step waits for its trigger after the step before it ran.
     */
    public record Step(Trigger trigger, Duration after, Action action, Map<String, String> fields, int line) {

        public Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        /** Human form for progress lines, e.g. {@code outage site=a kind=total}. */
        public String describe() {
            StringBuilder text = new StringBuilder(action.keyword());
            fields.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            return text.toString();
        }
    }

    /** What makes a step due. */
    public sealed interface Trigger {

        /** A human form, e.g. {@code at 10s}, {@code on pra.failover.decided}. */
        String describe();

        /** At this offset from the start of the timeline. */
        record At(Duration offset) implements Trigger {
            @Override
            public String describe() {
                return "at " + DurationText.format(offset);
            }
        }

        /** When the first record of this event type has been seen on Kafka since the drill started. */
        record On(String eventType) implements Trigger {
            @Override
            public String describe() {
                return "on " + eventType;
            }
        }

        /** When the first {@code pra.failover.step} of this phase with this status has been seen. */
        record When(String phase, String status) implements Trigger {
            @Override
            public String describe() {
                return "when " + phase + " " + status;
            }
        }
    }

    /** When the run ends: once {@code event} has been seen (if given) or at the latest after {@code timeout}. */
    public record Until(Optional<String> event, Duration timeout) {
    }

    /** One expectation as written: its key, the raw value and the line it is on. */
    public record Expectation(String key, String value, int line) {
    }
}
