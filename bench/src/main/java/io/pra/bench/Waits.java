package io.pra.bench;

import io.pra.bench.proc.Pause;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits of the comparisons: a condition polled every 2 ms. */
final class Waits {

    private Waits() {
    }

    /** Whether {@code condition} held within {@code bound}. */
    static boolean until(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.millis(2);
        }
        return true;
    }
}
