package io.pra.notifier.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with full jitter on the upper half,
 * a {@code Retry-After} asked by the receiver taking precedence, and a bound on attempts.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    /**
     * @param random values in [0, 1) for the jitter
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones, or empty when the bound
     * is reached and the delivery is to be marked FAILED.
     */
    public Optional<Duration> nextDelay(int attempts, Optional<Duration> retryAfter) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return Optional.of(min(retryAfter.get(), maxBackoff));
        }
        long base = initialBackoff.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped / 2 + 1));
        return Optional.of(Duration.ofMillis(Math.min(jittered, maxBackoff.toMillis())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
