package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;

/** Data-loss arithmetic: what restoring a backup loses, measured from the disaster start. */
public final class DataLoss {

    private DataLoss() {
    }

    /**
     * {@code disasterStart - backupStart}: writes after the backup started may be missing from it.
     * Zero when the backup started after the disaster began (nothing written since is lost).
     */
    public static Duration expected(Instant disasterStart, Instant backupStart) {
        Duration loss = Duration.between(backupStart, disasterStart);
        return loss.isNegative() ? Duration.ZERO : loss;
    }

    /** True when {@code loss} is strictly more than {@code budget}. */
    public static boolean exceeds(Duration loss, Duration budget) {
        return loss.compareTo(budget) > 0;
    }
}
