package io.pra.notifier.messaging;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.InvalidEventException;
import io.pra.events.PraEvent;
import io.pra.events.UnknownEventTypeException;
import io.pra.kit.intake.IntakeFailureStrategy;
import io.pra.kit.intake.IntakeRetry;
import io.pra.notifier.service.Dispatcher;
import io.pra.notifier.service.EventIntake;
import io.pra.notifier.service.NotifierMetrics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Reads {@code pra.backup}, {@code pra.health} and {@code pra.failover}. A valid event becomes
 * deliveries; a record that is not a valid PRA event is nacked with the reason, which sends it to
 * {@code pra.dlq.notifier-service}; a type this version does not know is skipped and counted. A
 * valid event that cannot be recorded (database down) is retried in place by {@link IntakeRetry};
 * past its bound the nack stops the consumer ({@link IntakeFailureStrategy}), never dead-letters.
 */
@ApplicationScoped
public class EventConsumer {

    /** The incoming channel over the three topics. */
    public static final String CHANNEL = "pra-events";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final EventIntake intake;
    private final Dispatcher dispatcher;
    private final NotifierMetrics metrics;
    private final IntakeRetry retry;

    EventConsumer(EventCodec codec, EventIntake intake, Dispatcher dispatcher, NotifierMetrics metrics,
            IntakeRetry retry) {
        this.codec = codec;
        this.intake = intake;
        this.retry = retry;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        try {
            CloudEventAttributes attributes = CloudEventHeaders.read(kafka.getHeaders());
            PraEvent event = codec.read(message.getPayload(), attributes.type());
            if (!attributes.subject().equals(event.site())) {
                throw new InvalidEventException(attributes.type(), CloudEventHeaders.SUBJECT,
                        "subject '" + attributes.subject() + "' is not the payload's site '" + event.site() + "'");
            }
            requireUuid(attributes);
            String description = "event " + attributes.id() + " (" + attributes.type() + ", site "
                    + attributes.subject() + ")";
            if (retry.run(description, () -> intake.accept(attributes, event, message.getPayload()))) {
                dispatcher.wakeUp();
            }
            return message.ack();
        } catch (UnknownEventTypeException e) {
            metrics.skipped("unknown-type");
            LOG.infof("skipping record %s-%d@%d: %s", kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                    e.getMessage());
            return message.ack();
        } catch (InvalidEventException e) {
            LOG.warnf("dead-lettering record %s-%d@%d (%s): %s", kafka.getTopic(), kafka.getPartition(),
                    kafka.getOffset(), typeOf(kafka.getHeaders()), e.getMessage());
            return message.nack(e);
        } catch (IntakeRetry.IntakeFailedException e) {
            LOG.errorf(e, "stopping the consumer at record %s-%d@%d: %s", kafka.getTopic(), kafka.getPartition(),
                    kafka.getOffset(), e.getMessage());
            return message.nack(e);
        }
    }

    private static void requireUuid(CloudEventAttributes attributes) {
        try {
            UUID.fromString(attributes.id());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(attributes.type(), CloudEventHeaders.ID,
                    "not a UUID: '" + attributes.id() + "'", e);
        }
    }

    private static String typeOf(Headers headers) {
        return headers.lastHeader(CloudEventHeaders.TYPE) == null ? "no type"
                : new String(headers.lastHeader(CloudEventHeaders.TYPE).value(),
                        java.nio.charset.StandardCharsets.UTF_8);
    }
}
