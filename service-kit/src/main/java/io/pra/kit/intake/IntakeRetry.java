package io.pra.kit.intake;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.pra.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Retries the recording of a valid event in place (the consumer thread waits, so the partition
 * does not move on) with doubling waits, until the settings' {@code retry-for} has passed; then
 * gives up with {@link IntakeFailedException}, which stops the consumer ({@link IntakeFailureStrategy})
 * rather than dead-letter a valid event. A database restart or a lock timeout is such a transient
 * failure; only an invalid record ({@link InvalidEventException}) is not retried. Counts
 * {@code pra_intake_retries_total}.
 */
@ApplicationScoped
public class IntakeRetry {

    private static final Logger LOG = Logger.getLogger(IntakeRetry.class);

    private final IntakeSettings config;
    private final Counter retries;

    IntakeRetry(IntakeSettings config, MeterRegistry registry) {
        this.config = config;
        this.retries = Counter.builder("pra_intake_retries")
                .description("Failed attempts to record a valid event, retried in place").register(registry);
    }

    /** Runs the intake until it completes; validation errors are not retried. */
    public boolean run(String description, BooleanSupplier intake) {
        long deadline = System.nanoTime() + config.retryFor().toNanos();
        Duration wait = config.initialBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                return intake.getAsBoolean();
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw new IntakeFailedException("giving up on " + description + " after " + attempt
                            + " attempts over " + config.retryFor(), e);
                }
                retries.increment();
                LOG.warnf("cannot record %s (attempt %d), retrying in %d ms: %s", description, attempt, wait.toMillis(),
                        rootMessage(e));
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : wait.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeFailedException("interrupted while waiting to retry", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A valid event that could not be recorded within the retry bound: the consumer stops. */
    public static final class IntakeFailedException extends RuntimeException {

        public IntakeFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
