package io.pra.failover.domain;

import java.time.Duration;
import java.util.List;

/** The guards' answer: refuse the failover, or decide it (possibly waiting for approval). */
public sealed interface GuardVerdict {

    /** No run is decided; {@code reason} says which guard said no. */
    record Refused(String reason) implements GuardVerdict {
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
