package io.pra.failover.domain;

import java.time.Duration;
import java.util.List;

/** The guards' answer: refuse the failover, or decide it (possibly waiting for approval). */
public sealed interface GuardVerdict {

    /** No run is decided; {@code guard} is the guard that said no, {@code reason} says why. */
    record Refused(Guard guard, String reason) implements GuardVerdict {
    }

    /** The guards, in the order they are checked. */
    enum Guard {
        NOT_A_FAILOVER,
        MODE_OFF,
        ACTIVE_RUN,
        COOLDOWN,
        NO_RESTORABLE_BACKUP
    }

    /**
     * A run is decided.
     *
     * @param backup           the backup it restores
     * @param expectedDataLoss disaster start minus backup start, never negative
     * @param approvalReasons  why an operator must approve first; empty when it starts at once
     */
    record Decided(BackupCandidate backup, Duration expectedDataLoss, List<String> approvalReasons)
            implements GuardVerdict {

        public Decided {
            approvalReasons = List.copyOf(approvalReasons);
        }

        public boolean approvalRequired() {
            return !approvalReasons.isEmpty();
        }
    }
}
