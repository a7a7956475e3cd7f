package io.pra.health.messaging;

import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.health.config.HealthConfig;
import io.pra.health.service.EventSink;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes health events straight to {@code pra.health} as binary-mode CloudEvents, keyed by site. No outbox: the
 * health-service keeps no state worth a database, and a lost vote is re-sent by the next heartbeat.
 */
@ApplicationScoped
public class KafkaEventSink implements EventSink {

    /** Outgoing channel bound to the {@code pra.health} topic. */
    public static final String CHANNEL = "health-events";

    private static final Logger LOG = Logger.getLogger(KafkaEventSink.class);

    private final Emitter<byte[]> emitter;
    private final EventCodec codec = new EventCodec();
    private final CloudEventFactory cloudEvents;

    KafkaEventSink(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) Emitter<byte[]> emitter,
            HealthConfig config, Clock clock) {
        this.emitter = emitter;
        this.cloudEvents = new CloudEventFactory("health-service", config.instance(), clock);
    }

    @Override
    public void publish(PraEvent event) {
        byte[] payload = codec.write(event);
        var attributes = cloudEvents.attributesFor(event);
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Topics.recordKey(event))
                .withTopic(Topics.HEALTH)
                .withHeaders(CloudEventHeaders.write(attributes, new RecordHeaders()))
                .build();
        emitter.send(Message.of(payload).addMetadata(metadata)
                .withAck(() -> CompletableFuture.completedFuture(null))
                .withNack(error -> {
                    LOG.errorf(error, "could not publish type=%s site=%s id=%s", attributes.type(), event.site(), attributes.id());
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
