package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.smallrye.mutiny.Uni;

/** Runs one probe of one check without blocking the caller; the engine bounds it by the check's timeout. */
public interface Prober {

    Uni<ProbeOutcome> probe(CheckSpec check);
}
