package io.pra.failover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.pra.events.EventCodec;
import io.pra.failover.service.BackupCatalog;
import io.pra.kit.intake.IntakeRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code pra.backup} into this service's backup catalog. A record that is not a valid event fails to the
 * DLQ; a valid one the database cannot record is retried in place ({@link IntakeRetry}): the newest backup never
 * misses the catalog because PostgreSQL restarted.
 */
@ApplicationScoped
public class BackupConsumer {

    /** Channel of {@code pra.backup}. */
    public static final String CHANNEL = "backup-events";

    private final EventCodec codec;
    private final BackupCatalog catalog;
    private final SkippedEvents skipped;
    private final IntakeRetry retry;

    BackupConsumer(EventCodec codec, BackupCatalog catalog, SkippedEvents skipped, IntakeRetry retry) {
        this.codec = codec;
        this.catalog = catalog;
        this.skipped = skipped;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent.read(record, codec).ifPresentOrElse(
                incoming -> retry.run("backup event " + incoming.id(), () -> {
                    catalog.onBackupEvent(incoming.id(), incoming.event());
                    return true;
                }),
                () -> skipped.unknownType(CHANNEL, record));
    }
}
