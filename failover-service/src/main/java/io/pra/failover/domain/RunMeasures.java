package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pra.events.failover.PhaseDuration;

/** What a run achieved, measured from its recorded times rather than estimated (DESIGN section 5, point 4). */
public final class RunMeasures {

    private RunMeasures() {
    }

    /** RTO = cutover done − disaster start. */
    public static Duration rto(Instant disasterStart, Instant cutoverDone) {
        return Duration.between(disasterStart, cutoverDone);
    }

    /** RPO = disaster start − backup start; zero when the backup started after the disaster began. */
    public static Duration rpo(Instant disasterStart, Instant backupStart) {
        return DataLoss.expected(disasterStart, backupStart);
    }

    /** Every finished phase with its duration, in execution order. */
    public static List<PhaseDuration> phaseDurations(List<PhaseRecord> phases) {
        return phases.stream()
                .filter(phase -> !phase.isOpen())
                .map(phase -> new PhaseDuration(phase.phase(), phase.startedAt(), phase.endedAt(), phase.duration()))
                .toList();
    }

    /** True when {@code achieved} is within {@code objective}. */
    public static boolean meets(Duration achieved, Duration objective) {
        return achieved.compareTo(objective) <= 0;
    }
}
