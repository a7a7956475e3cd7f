package io.pra.failover.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.pra.events.EventCodec;
import io.pra.events.InvalidEventException;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.events.signing.EventSignature;
import io.pra.events.signing.EventSignatures;
import io.pra.failover.domain.VoteAdmission;
import io.pra.failover.service.VoteService;
import io.pra.kit.intake.IntakeRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code pra.health}: {@code pra.site.down} and {@code pra.site.up} are votes, handed to the admission with
 * their signature, their bytes and the broker's append time; other health events are not this service's business. A
 * record that is not a valid event fails to {@code pra.dlq.failover-service}; a valid vote the database cannot record
 * is retried in place ({@link IntakeRetry}), never dead-lettered. An unusable signature is the admission's to reject.
 */
@ApplicationScoped
public class VoteConsumer {

    /** Channel of {@code pra.health}. */
    public static final String CHANNEL = "health-events";

    private static final Logger LOG = Logger.getLogger(VoteConsumer.class);

    private final EventCodec codec;
    private final Clock clock;
    private final VoteService votes;
    private final SkippedEvents skipped;
    private final IntakeRetry retry;
    private volatile boolean createTimeWarned;

    VoteConsumer(EventCodec codec, Clock clock, VoteService votes, SkippedEvents skipped, IntakeRetry retry) {
        this.codec = codec;
        this.clock = clock;
        this.votes = votes;
        this.skipped = skipped;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent.read(record, codec).ifPresentOrElse(incoming -> {
            if (incoming.event() instanceof SiteDown || incoming.event() instanceof SiteUp) {
                Instant now = clock.instant();
                Optional<EventSignature> signature = Optional.empty();
                String problem = null;
                try {
                    signature = EventSignatures.read(record.headers(), incoming.attributes().type());
                } catch (InvalidEventException e) {
                    problem = e.getMessage();
                }
                VoteAdmission.Candidate candidate = new VoteAdmission.Candidate(incoming.attributes(),
                        record.value(), signature, problem, incoming.event(), brokerTime(record, now), now);
                retry.run("vote " + incoming.id(), () -> votes.onVote(incoming.id(), incoming.event().site(),
                        candidate).isPresent());
            }
        }, () -> skipped.unknownType(CHANNEL, record));
    }

    /**
     * When the broker appended the record ({@code LogAppendTime}, as deploy/ sets on {@code pra.health}). A topic
     * left at {@code CreateTime} carries the producer's clock instead: it is capped at this service's clock, and
     * said once.
     */
    private Instant brokerTime(ConsumerRecord<String, byte[]> record, Instant now) {
        Instant timestamp = Instant.ofEpochMilli(record.timestamp());
        if (record.timestampType() == TimestampType.LOG_APPEND_TIME) {
            return timestamp;
        }
        if (!createTimeWarned) {
            createTimeWarned = true;
            LOG.warnf("topic %s carries producer timestamps (%s), not the broker's: set message.timestamp.type="
                    + "LogAppendTime on it; votes are dated by their producer, capped at this service's clock",
                    record.topic(), record.timestampType());
        }
        return timestamp.isAfter(now) ? now : timestamp;
    }
}
