package io.pra.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.Trigger;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.Severity;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/** Events for the tests, and a producer that publishes them as PRA services do. */
public final class NotifierFixtures {

    static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private NotifierFixtures() {
    }

    /** A unique site id, so a test only looks at its own messages. */
    static String site(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static FailoverCompleted failoverCompleted(String site, UUID failoverId) {
        BackupRef backup = new BackupRef("daily-20260314-0945", "default", T0.minusSeconds(900),
                T0.minusSeconds(840));
        return new FailoverCompleted(failoverId, 7, site, "b", Trigger.QUORUM, T0, T0.plusSeconds(9),
                T0.plusSeconds(75), backup,
                List.of(new PhaseDuration(FailoverPhase.RESTORE, T0.plusSeconds(9), T0.plusSeconds(10),
                        Duration.ofSeconds(1))),
                Duration.ofSeconds(75), Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofMinutes(15));
    }

    static BackupCompleted backupCompleted(String site, int number) {
        return new BackupCompleted("hourly-" + number, site, "shop", "Completed", T0, T0.plusSeconds(30), null,
                "default", List.of("shop"), 40, 40, 0, 0);
    }

    static HealthDegraded healthDegraded(String site, Severity severity) {
        return new HealthDegraded(site, "obs-b", "shop-latency", CheckKind.HTTP, severity, 3, T0, T0.minusSeconds(30),
                new CheckEvidence(200, Duration.ofMillis(900), null, "slow"));
    }

    /**
     * The first {@code pra.site.down} of a new episode (a {@code firstFailedAt} of its own), so it is
     * notified: heartbeats of one episode are not (see {@link #siteDown(String, String, Instant, long)}).
     */
    static SiteDown siteDown(String site, long sequence) {
        return siteDown(site, "obs-b", newEpisodeStart(), sequence);
    }

    /** A {@code pra.site.down} of the given observer's episode: the first one or a heartbeat. */
    static SiteDown siteDown(String site, String observerId, Instant firstFailedAt, long sequence) {
        return new SiteDown(site, observerId, "zone-" + observerId, T0, firstFailedAt, sequence,
                List.of(new FailingCheck("shop-http", CheckKind.HTTP,
                        new CheckEvidence(503, Duration.ofMillis(120), "Service Unavailable", null))),
                Duration.ofSeconds(30), "boot-" + observerId);
    }

    static SiteUp siteUp(String site, String observerId, Instant firstFailedAt, long sequence) {
        return new SiteUp(site, observerId, "zone-" + observerId, T0, firstFailedAt, sequence, List.of(),
                Duration.ofSeconds(30), "boot-" + observerId);
    }

    /** A start of outage no other call returns (to the microsecond PostgreSQL keeps). */
    static Instant newEpisodeStart() {
        return T0.minusSeconds(10).minus(ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L),
                ChronoUnit.MICROS);
    }

    /** Publishes events as a PRA service does: binary-mode CloudEvents, key = site. */
    static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final CloudEventFactory factory = new CloudEventFactory("failover-service", "test",
                Clock.systemUTC());
        private final EventCodec codec = new EventCodec();

        Publisher(String bootstrapServers) {
            Properties properties = new Properties();
            properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.LINGER_MS_CONFIG, "0"));
            producer = new KafkaProducer<>(properties);
        }

        /** Publishes with fresh attributes; returns them. */
        CloudEventAttributes publish(PraEvent event) {
            CloudEventAttributes attributes = factory.attributesFor(event);
            publish(event, attributes);
            return attributes;
        }

        /** Publishes with the given attributes (the same id twice makes a redelivery). */
        void publish(PraEvent event, CloudEventAttributes attributes) {
            send(EventType.of(event).topic(), Topics.recordKey(event), codec.write(event), attributes);
        }

        /** Publishes raw bytes with the attributes' headers, valid or not. */
        void send(String topic, String key, byte[] value, CloudEventAttributes attributes) {
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.write(attributes, headers);
            producer.send(new ProducerRecord<>(topic, null, key, value, headers));
            producer.flush();
        }

        /** Publishes a record with arbitrary headers. */
        void sendRaw(String topic, String key, String value, RecordHeaders headers) {
            producer.send(new ProducerRecord<>(topic, null, key, value.getBytes(StandardCharsets.UTF_8), headers));
            producer.flush();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
