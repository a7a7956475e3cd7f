package io.pra.failover.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;

/** Bounded waits on a watch (fabric8 informer): the condition is checked on every change, never by sleeping. */
final class Conditions {

    private Conditions() {
    }

    /** How often a wait asks whether it should go on. */
    private static final Duration SLICE = Duration.ofSeconds(1);

    /**
     * The objects once {@code condition} holds for them, or empty when {@code timeout} passed first. Every second
     * of waiting it calls {@code stillWanted}, which ends the wait by throwing (e.g. the run was aborted).
     */
    static <T extends HasMetadata> Optional<List<T>> await(Informable<T> objects, Predicate<List<T>> condition,
            Duration timeout, Runnable stillWanted) throws InterruptedException {
        CompletableFuture<List<T>> done = objects.informOnCondition(condition);
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(done.get(Math.min(left.toMillis(), SLICE.toMillis()), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    stillWanted.run();
                }
            }
        } catch (ExecutionException e) {
            throw new KubernetesClientException("watch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            done.cancel(true);
        }
    }
}
