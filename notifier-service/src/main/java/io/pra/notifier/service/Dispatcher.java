package io.pra.notifier.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.pra.notifier.config.NotifierConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends due PENDING deliveries: woken at once when new deliveries are committed, and every poll
 * interval for retries and grouped ones. Rows in flight are not handed out twice in this instance;
 * row locks keep other instances off them. At start it resumes whatever a previous run left PENDING.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 100;
    private static final int WORKERS = 4;

    private final DeliveryAttempt attempts;
    private final long pollMillis;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    Dispatcher(DeliveryAttempt attempts, NotifierConfig config) {
        this.attempts = attempts;
        this.pollMillis = config.delivery().pollInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "pra-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "pra-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUps.release();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        // Let sends in progress commit, so a stop does not leave a sent message recorded as PENDING.
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("deliveries still in flight at shutdown; they stay PENDING and are resumed at next start");
        }
    }

    /** New deliveries were committed: look now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                dispatchDue();
                wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "dispatcher round failed; next round in %d ms", pollMillis);
                sleepQuietly();
            }
        }
    }

    private void dispatchDue() {
        List<Long> due = attempts.due(BATCH);
        for (Long id : due) {
            if (running && inFlight.add(id)) {
                workers.execute(() -> send(id));
            }
        }
    }

    private void send(long id) {
        try {
            attempts.attempt(id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "delivery %d: attempt failed before an outcome was recorded; it stays PENDING", id);
        } finally {
            inFlight.remove(id);
        }
    }

    private void sleepQuietly() {
        try {
            wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
