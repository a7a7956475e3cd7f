package io.pra.backup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * RPO arithmetic of one group: exposure = now − start of the newest completed, off-site verified backup, and
 * the level it puts the group at.
 *
 * @param objective       maximum acceptable exposure
 * @param warningFraction fraction of the objective at which the group is in warning, in (0, 1]
 */
public record RpoPolicy(Duration objective, double warningFraction) {

    public RpoPolicy {
        Objects.requireNonNull(objective, "objective");
        if (objective.isZero() || objective.isNegative()) {
            throw new IllegalArgumentException("RPO objective must be positive, got " + objective);
        }
        if (!(warningFraction > 0 && warningFraction <= 1)) {
            throw new IllegalArgumentException("warning fraction must be in (0, 1], got " + warningFraction);
        }
    }

    /**
     * Exposure at {@code now}. Without any verified backup, exposure runs from {@code trackedSince} (when PRA
     * started protecting the group): data written since then has no off-site copy.
     */
    public static Duration exposure(Instant now, Instant newestVerifiedStart, Instant trackedSince) {
        Instant from = newestVerifiedStart != null ? newestVerifiedStart : trackedSince;
        Duration exposure = Duration.between(from, now);
        return exposure.isNegative() ? Duration.ZERO : exposure;
    }

    /** Exposure at which the warning is raised. */
    public Duration warningThreshold() {
        return Duration.ofMillis((long) (objective.toMillis() * warningFraction));
    }

    /** The level this exposure puts the group at. */
    public RpoLevel level(Duration exposure) {
        if (exposure.compareTo(objective) > 0) {
            return RpoLevel.BREACHED;
        }
        if (exposure.compareTo(warningThreshold()) >= 0) {
            return RpoLevel.WARNING;
        }
        return RpoLevel.OK;
    }

    /**
     * What to announce when the level goes from {@code previous} to {@code current}: a degradation when it
     * worsens, a recovery when it is back to OK, nothing otherwise (a breach easing into warning is still
     * degraded and was already announced).
     */
    public static RpoTransition transition(RpoLevel previous, RpoLevel current) {
        if (current.compareTo(previous) > 0) {
            return current == RpoLevel.BREACHED ? RpoTransition.BREACHED : RpoTransition.WARNING;
        }
        if (current == RpoLevel.OK && previous != RpoLevel.OK) {
            return RpoTransition.RECOVERED;
        }
        return RpoTransition.NONE;
    }
}
