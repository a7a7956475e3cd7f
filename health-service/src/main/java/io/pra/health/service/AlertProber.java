package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/** Alert checks: fail while an alert received on {@code POST /alerts} with the chosen labels is firing. */
public final class AlertProber implements Prober {

    private final AlertBoard board;

    public AlertProber(AlertBoard board) {
        this.board = board;
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        ProbeTarget.Alert target = (ProbeTarget.Alert) check.target();
        return Uni.createFrom().item(() -> {
            List<AlertBoard.ReceivedAlert> firing = board.firingMatching(target.labels());
            if (firing.isEmpty()) {
                return ProbeOutcome.pass(null, Duration.ZERO, "no firing alert matches " + target.labels());
            }
            return ProbeOutcome.fail(null, Duration.ZERO, "firing: " + String.join(", ",
                    firing.stream().map(AlertBoard.ReceivedAlert::name).sorted().toList()),
                    firing.get(0).labels().toString());
        });
    }
}
