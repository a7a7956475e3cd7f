package io.pra.backup.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox events to Kafka in insertion order, at least once: a batch is marked published only after
 * the broker acknowledged every record of it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas can relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final Map<String, Object> kafkaDefaults;
    private ScheduledExecutorService executor;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(OutboxConfig config, EntityManager entityManager,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults) {
        this.config = config;
        this.entityManager = entityManager;
        this.kafkaDefaults = kafkaDefaults;
    }

    void start(@Observes StartupEvent startup) {
        Properties properties = new Properties();
        // Quarkus' default Kafka configuration: every kafka.* setting (and KAFKA_* variable), so the relay reaches
        // the broker as the channels do: bootstrap servers, security protocol, SASL and TLS settings.
        properties.putAll(kafkaDefaults);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.sendTimeout().toMillis());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes soon: called after a transaction that wrote to the outbox committed. */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown()) {
            current.execute(this::drain);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    private void drain() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            // The rows stay unpublished and are retried at the next poll.
            LOG.warnf("outbox relay: publishing failed, will retry: %s", e.toString());
        }
    }

    private int publishBatch() throws Exception {
        List<OutboxMessage> batch = entityManager.createQuery(
                "FROM OutboxMessage WHERE publishedAt IS NULL ORDER BY position", OutboxMessage.class)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            sends.add(producer.send(toRecord(message)));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> send : sends) {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        Instant now = Instant.now();
        for (OutboxMessage message : batch) {
            message.publishedAt = now;
            LOG.debugf("outbox relay: published %s %s (subject %s)", message.type, message.id, message.subject);
        }
        return batch.size();
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        CloudEventAttributes attributes = new CloudEventAttributes(message.id.toString(), message.source,
                message.type, message.subject, message.occurredAt, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.DATA_CONTENT_TYPE);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(attributes, headers);
        return new ProducerRecord<>(message.topic, null, message.recordKey,
                message.payload.getBytes(StandardCharsets.UTF_8), headers);
    }
}
