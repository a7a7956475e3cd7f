package io.pra.health.service;

import io.pra.events.PraEvent;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.CheckStatus;
import io.pra.health.domain.CheckTransition;

/** The event a check transition publishes. */
final class CheckEvents {

    private CheckEvents() {
    }

    static PraEvent of(CheckSpec spec, CheckTransition change, String observerId) {
        if (change.to() == CheckStatus.DEGRADED) {
            return new HealthDegraded(spec.site(), observerId, spec.checkId(), spec.kind().eventKind(), spec.severity(),
                    change.consecutive(), change.observedAt(), change.firstFailedAt(), change.evidence());
        }
        return new HealthRecovered(spec.site(), observerId, spec.checkId(), spec.kind().eventKind(), spec.severity(),
                change.consecutive(), change.observedAt(), change.firstFailedAt(), change.evidence());
    }
}
