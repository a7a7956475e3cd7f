package io.pra.backup.domain;

import java.time.Duration;
import java.time.Instant;

import io.pra.events.PraEvent;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;

/** The {@code pra.health.*} events backup-service raises about a group's RPO (check kind {@code rpo}). */
public final class RpoHealthEvents {

    /** Observer id backup-service signs its RPO checks with. */
    public static final String OBSERVER_ID = "backup-service";

    private RpoHealthEvents() {
    }

    /** Check id of a group's RPO check. */
    public static String checkId(String group) {
        return "rpo-" + group;
    }

    /**
     * The event for a transition, or null for {@link RpoTransition#NONE}.
     *
     * @param degradedSince when the group first left OK in the current streak
     */
    public static PraEvent of(RpoTransition transition, ProtectionGroup group, Duration exposure, Instant now,
            Instant degradedSince) {
        CheckEvidence evidence = new CheckEvidence(null, null, null, "exposure " + exposure.toSeconds()
                + "s, objective " + group.rpoObjective().toSeconds() + "s");
        return switch (transition) {
            case NONE -> null;
            case WARNING -> new HealthDegraded(group.sourceSite(), OBSERVER_ID, checkId(group.name()), CheckKind.RPO,
                    Severity.WARNING, 1, now, degradedSince, evidence);
            case BREACHED -> new HealthDegraded(group.sourceSite(), OBSERVER_ID, checkId(group.name()), CheckKind.RPO,
                    Severity.CRITICAL, 2, now, degradedSince, evidence);
            case RECOVERED -> new HealthRecovered(group.sourceSite(), OBSERVER_ID, checkId(group.name()),
                    CheckKind.RPO, Severity.CRITICAL, 1, now, degradedSince, evidence);
        };
    }
}
