package io.pra.failover.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka, oldest first, at least once: right after each commit that wrote
 * one, and every poll interval for whatever an earlier pass could not send. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without publishing a row twice
 * concurrently; a row is marked published only after the broker acknowledged it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final Map<String, Object> kafkaDefaults;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration sendTimeout;
    private ScheduledExecutorService executor;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(EntityManager entityManager, Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
            @ConfigProperty(name = "pra.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval,
            @ConfigProperty(name = "pra.outbox.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "pra.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.kafkaDefaults = kafkaDefaults;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    void start(@Observes StartupEvent startup) {
        Properties properties = new Properties();
        // Quarkus' default Kafka configuration: every kafka.* setting (and KAFKA_* variable), so the relay reaches
        // the broker as the channels do: bootstrap servers, security protocol, SASL and TLS settings.
        properties.putAll(kafkaDefaults);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::publishSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        executor.execute(this::publishSafely);
    }

    private void publishSafely() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay could not publish, will retry in %s", pollInterval);
        }
    }

    private int publishBatch() throws Exception {
        @SuppressWarnings("unchecked")
        List<OutboxEventEntity> rows = entityManager.createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY created_at, id "
                        + "LIMIT ?1 FOR UPDATE SKIP LOCKED", OutboxEventEntity.class)
                .setParameter(1, batchSize)
                .getResultList();
        for (OutboxEventEntity row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.recordKey,
                    row.payload.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEventAttributes(row.id.toString(), row.source, row.type, row.subject,
                    row.occurredAt, CloudEventAttributes.SPEC_VERSION, CloudEventAttributes.DATA_CONTENT_TYPE),
                    record.headers());
            producer.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            row.publishedAt = clock.instant();
            LOG.debugf("published %s %s to %s", row.type, row.id, row.topic);
        }
        return rows.size();
    }
}
