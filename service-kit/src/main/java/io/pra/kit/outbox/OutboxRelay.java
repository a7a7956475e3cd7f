package io.pra.kit.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Runs the {@link OutboxPublisher} of this instance on one thread: at start, after every commit that wrote to the
 * outbox ({@link #wakeUp()}), and every poll interval for whatever an earlier pass could not send or found locked
 * by another replica.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxSettings settings;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Object> kafkaDefaults;
    // Set at start-up, read by the threads that commit (wakeUp).
    private volatile ScheduledExecutorService executor;
    private KafkaProducer<String, byte[]> producer;
    private OutboxPublisher publisher;

    OutboxRelay(OutboxSettings settings, DataSource dataSource, Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.clock = clock;
        this.kafkaDefaults = kafkaDefaults;
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(producerProperties(kafkaDefaults, settings), new StringSerializer(),
                new ByteArraySerializer());
        publisher = new OutboxPublisher(dataSource, producer, settings.batchSize(), settings.sendTimeout(), clock);
        executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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
                executor.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    /**
     * Quarkus' default Kafka configuration (every {@code kafka.*} setting and {@code KAFKA_*} variable), so the relay
     * reaches the broker as the channels do (bootstrap servers, security protocol, SASL, TLS), for an idempotent
     * producer that waits for every in-sync replica.
     */
    static Properties producerProperties(Map<String, Object> kafkaDefaults, OutboxSettings settings) {
        Properties properties = new Properties();
        properties.putAll(kafkaDefaults);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    private void drain() {
        try {
            publisher.drain();
        } catch (SQLException | OutboxSendException | RuntimeException e) {
            // The rows stay unpublished and are retried at the next poll.
            LOG.warnf("outbox relay: publishing failed, will retry in %s: %s", settings.pollInterval(), e.toString());
        }
    }
}
