package io.pra.failover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.pra.events.EventCodec;
import io.pra.failover.service.BackupCatalog;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes {@code pra.backup} into this service's backup catalog; a bad record fails to the DLQ. */
@ApplicationScoped
public class BackupConsumer {

    /** Channel of {@code pra.backup}. */
    public static final String CHANNEL = "backup-events";

    private final EventCodec codec;
    private final BackupCatalog catalog;
    private final SkippedEvents skipped;

    BackupConsumer(EventCodec codec, BackupCatalog catalog, SkippedEvents skipped) {
        this.codec = codec;
        this.catalog = catalog;
        this.skipped = skipped;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent.read(record, codec).ifPresentOrElse(
                incoming -> catalog.onBackupEvent(incoming.id(), incoming.event()),
                () -> skipped.unknownType(CHANNEL, record));
    }
}
