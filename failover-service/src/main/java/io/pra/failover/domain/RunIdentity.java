package io.pra.failover.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.pra.events.failover.Trigger;

/**
 * What a run is, fixed at decision time.
 *
 * @param failoverId  run id; objects it creates are named {@code pra-<failoverId>}
 * @param epoch       the site's epoch this run was decided under
 * @param sourceSite  site failed over from
 * @param targetSite  site restored to
 * @param trigger     quorum or manual
 * @param requestedBy operator of a manual failover; null for a quorum
 * @param decidedAt   when the decision committed
 */
public record RunIdentity(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
        String requestedBy, Instant decidedAt) {

    public RunIdentity {
        Objects.requireNonNull(failoverId, "failoverId");
        Objects.requireNonNull(sourceSite, "sourceSite");
        Objects.requireNonNull(targetSite, "targetSite");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (trigger == Trigger.MANUAL && (requestedBy == null || requestedBy.isBlank())) {
            throw new IllegalArgumentException("a manual run needs its requester");
        }
    }
}
