package io.pra.bench;

import io.pra.bench.kafka.EventPublisher;
import io.pra.events.Topics;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.testkit.launch.FailoverLaunch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Votes a bench plays as health-service observers, each from the observer's own CloudEvents source and signed with
 * its own key, as failover-service requires; the same keys a health-service process started as that observer gets.
 */
final class PlayedObservers implements AutoCloseable {

    private final Map<String, EventPublisher> publishers = new LinkedHashMap<>();
    private final BenchContext context;

    PlayedObservers(BenchContext context, String kafka, List<String> observerIds) {
        this.context = context;
        for (String id : observerIds) {
            publishers.put(id, EventPublisher.signing(kafka, "health-service", id, context.observerKeyPair(id)));
        }
    }

    /** The failure domain the bench gives an observer: one each, so that any two make a quorum. */
    static String failureDomain(String observerId) {
        return "zone-" + observerId;
    }

    /** {@code launch} counting these observers' votes, each in its own failure domain. */
    FailoverLaunch countedBy(FailoverLaunch launch) {
        return countedBy(context, List.copyOf(publishers.keySet()), launch);
    }

    /** {@code launch} counting the votes of {@code observerIds}, each in its own failure domain. */
    static FailoverLaunch countedBy(BenchContext context, List<String> observerIds, FailoverLaunch launch) {
        observerIds.forEach(id -> launch.observer(id,
                new FailoverLaunch.Observer(failureDomain(id), context.observerKeys(id).publicKey())));
        return launch;
    }

    void send(SiteDown vote) {
        publisher(vote.observerId()).send(Topics.HEALTH, vote);
    }

    void send(SiteUp vote) {
        publisher(vote.observerId()).send(Topics.HEALTH, vote);
    }

    private EventPublisher publisher(String observerId) {
        EventPublisher publisher = publishers.get(observerId);
        if (publisher == null) {
            throw new IllegalArgumentException("no played observer " + observerId);
        }
        return publisher;
    }

    @Override
    public void close() {
        publishers.values().forEach(EventPublisher::close);
    }
}
