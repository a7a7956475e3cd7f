package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.backup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataLossTest {

    @Test
    void expectedLossIsDisasterStartMinusBackupStart() {
        assertThat(DataLoss.expected(T0, T0.minus(Duration.ofMinutes(7)))).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void aBackupStartedAfterTheDisasterLosesNothing() {
        assertThat(DataLoss.expected(T0, T0.plusSeconds(30))).isEqualTo(Duration.ZERO);
    }

    @Test
    void exceedsIsStrict() {
        assertThat(DataLoss.exceeds(Duration.ofMinutes(15), Duration.ofMinutes(15))).isFalse();
        assertThat(DataLoss.exceeds(Duration.ofMinutes(15).plusMillis(1), Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void theChosenBackupIsTheNewestCompletedUnexpiredOneVisibleOnTheTarget() {
        BackupCandidate visible = backup("b-1", T0.minusSeconds(600), true);
        BackupCandidate newerNotSynced = backup("b-2", T0.minusSeconds(300), false);
        BackupCandidate newestExpired = new BackupCandidate("b-3", "default", T0.minusSeconds(200),
                T0.minusSeconds(100), T0.minusSeconds(1), true);
        BackupCandidate unfinished = new BackupCandidate("b-4", "default", T0.minusSeconds(50), null, null, true);
        BackupCandidate older = backup("b-0", T0.minusSeconds(900), true);

        assertThat(BackupCandidate.newestRestorable(List.of(older, visible, newerNotSynced, newestExpired, unfinished), T0))
                .contains(visible);
    }

    @Test
    void noRestorableBackupChoosesNothing() {
        assertThat(BackupCandidate.newestRestorable(List.of(backup("b-1", T0, false)), T0)).isEmpty();
    }
}
