package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.smallrye.mutiny.Uni;

/** Runs one probe of one check without blocking the caller; the engine bounds it by the check's timeout. */
public interface Prober {

    Uni<ProbeOutcome> probe(CheckSpec check);

    /**
     * Whether the probe already fails by itself once the check's timeout has passed (Vert.x connect and idle
     * timeouts), so the engine need not arm a timer of its own for every probe.
     */
    default boolean enforcesTimeout() {
        return false;
    }
}
