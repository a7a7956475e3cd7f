package io.pra.kit.intake;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.pra.events.InvalidEventException;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The failure strategy of the incoming channel ({@code failure-strategy=pra-intake}): a record
 * nacked because it is not a valid PRA event goes to the dead-letter topic; any other nack (a
 * valid event that could not be recorded within the retry bound) stops the consumer, so a valid
 * event is never dead-lettered and never skipped.
 */
@ApplicationScoped
@Identifier(IntakeFailureStrategy.NAME)
public class IntakeFailureStrategy implements KafkaFailureHandler.Factory {

    /** The strategy's name in {@code failure-strategy}. */
    public static final String NAME = "pra-intake";

    private final KafkaFailureHandler.Factory deadLetter;
    private final KafkaFailureHandler.Factory failStop;

    IntakeFailureStrategy(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetter,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory failStop) {
        this.deadLetter = deadLetter;
        this.failStop = failStop;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler invalid = deadLetter.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler other = failStop.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return reason instanceof InvalidEventException ? invalid.handle(record, reason, metadata)
                        : other.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                invalid.terminate();
                other.terminate();
            }
        };
    }
}
