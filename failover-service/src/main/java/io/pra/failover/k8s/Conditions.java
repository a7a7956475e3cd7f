package io.pra.failover.k8s;

import java.time.Duration;
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

    /** The objects once {@code condition} holds for them, or empty when {@code timeout} passed first. */
    static <T extends HasMetadata> Optional<List<T>> await(Informable<T> objects, Predicate<List<T>> condition,
            Duration timeout) throws InterruptedException {
        CompletableFuture<List<T>> done = objects.informOnCondition(condition);
        try {
            return Optional.of(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new KubernetesClientException("watch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            done.cancel(true);
        }
    }
}
