package io.pra.health.messaging;

import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.signing.EventSigner;
import io.pra.health.config.HealthConfig;
import io.pra.health.service.EventSink;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes health events straight to {@code pra.health} as signed binary-mode CloudEvents, keyed by site. No outbox:
 * the health-service keeps no state worth a database, and a lost vote is re-sent by the next heartbeat. The record is
 * built whole by {@link SignedRecords} (value, {@code ce_*} headers, signature) and the channel sends it as is
 * ({@code cloud-events=false}, byte-array serializer): the signature covers exactly what goes on the wire.
 */
@ApplicationScoped
public class KafkaEventSink implements EventSink {

    /** Outgoing channel bound to the {@code pra.health} topic. */
    public static final String CHANNEL = "health-events";

    private static final Logger LOG = Logger.getLogger(KafkaEventSink.class);

    private final Emitter<byte[]> emitter;
    private final SignedRecords records;

    KafkaEventSink(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) Emitter<byte[]> emitter,
            HealthConfig config, Clock clock, EventSigner signer) {
        this.emitter = emitter;
        this.records = new SignedRecords(config.observerId(), clock, signer);
    }

    @Override
    public void publish(PraEvent event) {
        SignedRecords.SignedRecord record = records.of(event);
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withTopic(Topics.HEALTH)
                .withHeaders(record.headers())
                .build();
        emitter.send(Message.of(record.value()).addMetadata(metadata)
                .withAck(() -> CompletableFuture.completedFuture(null))
                .withNack(error -> {
                    LOG.errorf(error, "could not publish type=%s site=%s id=%s", record.attributes().type(),
                            event.site(), record.attributes().id());
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
