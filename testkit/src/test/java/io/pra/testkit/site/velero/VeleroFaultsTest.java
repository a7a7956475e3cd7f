package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VeleroFaultsTest {

    private final Faults faults = new Faults();

    @Test
    void noFaultWhenNothingIsInjected() {
        assertThat(faults.next(Operation.BACKUP)).isEmpty();
    }

    @Test
    void injectionAppliesToTheNextNOperationsOfItsKindOnly() {
        Faults.Injection injection = faults.inject(Operation.RESTORE, Fault.fail("boom"), 2);

        assertThat(faults.next(Operation.BACKUP)).isEmpty();
        assertThat(faults.next(Operation.RESTORE)).contains(Fault.fail("boom"));
        assertThat(injection.remaining()).isEqualTo(1);
        assertThat(faults.next(Operation.RESTORE)).contains(Fault.fail("boom"));
        assertThat(faults.next(Operation.RESTORE)).isEmpty();
        assertThat(injection.applied()).isEqualTo(2);
        assertThat(injection.remaining()).isZero();
    }

    @Test
    void injectionsQueueInOrder() {
        faults.inject(Operation.BACKUP, Fault.hang(), 1);
        faults.inject(Operation.BACKUP, Fault.partiallyFail(), 1);

        assertThat(faults.next(Operation.BACKUP)).contains(Fault.hang());
        assertThat(faults.next(Operation.BACKUP)).contains(Fault.partiallyFail());
        assertThat(faults.pending(Operation.BACKUP)).isZero();
    }

    @Test
    void untilClearedLastsUntilClearedOrCancelled() {
        Faults.Injection injection = faults.injectUntilCleared(Operation.BACKUP, Fault.slow(3));
        for (int i = 0; i < 5; i++) {
            assertThat(faults.next(Operation.BACKUP)).contains(Fault.slow(3));
        }
        assertThat(injection.remaining()).isEqualTo(-1);

        injection.cancel();

        assertThat(faults.next(Operation.BACKUP)).isEmpty();
        assertThat(injection.remaining()).isZero();
        assertThat(injection.applied()).isEqualTo(5);
    }

    @Test
    void clearDropsOnlyThatKind() {
        faults.injectUntilCleared(Operation.BACKUP, Fault.fail());
        faults.injectUntilCleared(Operation.RESTORE, Fault.fail());

        faults.clear(Operation.BACKUP);

        assertThat(faults.next(Operation.BACKUP)).isEmpty();
        assertThat(faults.next(Operation.RESTORE)).isPresent();
    }

    @Test
    void releaseResumesHangingOperations() {
        List<String> resumed = new ArrayList<>();
        faults.park(Operation.RESTORE, "r1", () -> resumed.add("r1"));
        faults.park(Operation.RESTORE, "r2", () -> resumed.add("r2"));
        faults.park(Operation.BACKUP, "b1", () -> resumed.add("b1"));

        assertThat(faults.hanging(Operation.RESTORE)).containsExactly("r1", "r2");
        assertThat(faults.release(Operation.RESTORE, "r2")).isTrue();
        assertThat(faults.release(Operation.RESTORE)).isEqualTo(1);
        assertThat(faults.release(Operation.RESTORE, "r1")).isFalse();

        assertThat(resumed).containsExactly("r2", "r1");
        assertThat(faults.hanging(Operation.BACKUP)).containsExactly("b1");
    }

    @Test
    void slowStretchesTheUsualDuration() {
        assertThat(Fault.slow(2.5).stretch(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(500));
        assertThat(Fault.fail().stretch(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void rejectsMeaninglessFaults() {
        assertThatThrownBy(() -> faults.inject(Operation.BACKUP, Fault.fail(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slow(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.partiallyFail(0, "none")).isInstanceOf(IllegalArgumentException.class);
    }
}
