package io.pra.failover.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.pra.events.EventCodec;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.failover.domain.Vote;
import io.pra.failover.service.VoteService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code pra.health}: {@code pra.site.down} and {@code pra.site.up} are votes; other health
 * events are not this service's business. A bad record fails to {@code pra.dlq.failover-service}.
 */
@ApplicationScoped
public class VoteConsumer {

    /** Channel of {@code pra.health}. */
    public static final String CHANNEL = "health-events";

    private final EventCodec codec;
    private final Clock clock;
    private final VoteService votes;
    private final SkippedEvents skipped;

    VoteConsumer(EventCodec codec, Clock clock, VoteService votes, SkippedEvents skipped) {
        this.codec = codec;
        this.clock = clock;
        this.votes = votes;
        this.skipped = skipped;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent.read(record, codec).ifPresentOrElse(incoming -> {
            if (incoming.event() instanceof SiteDown down) {
                votes.onVote(incoming.id(), down.site(), Vote.of(down, clock.instant()));
            } else if (incoming.event() instanceof SiteUp up) {
                votes.onVote(incoming.id(), up.site(), Vote.of(up, clock.instant()));
            }
        }, () -> skipped.unknownType(CHANNEL, record));
    }
}
