package io.pra.bench.proc;

import java.time.Duration;

/** The bench's waits: measurement windows and poll intervals are real time on purpose. */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static void of(Duration duration) {
        millis(duration.toMillis());
    }
}
