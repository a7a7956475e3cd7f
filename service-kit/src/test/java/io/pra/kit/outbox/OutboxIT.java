package io.pra.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.Topics;
import io.pra.events.health.SiteUp;
import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The writer in a Quarkus application on the real PostgreSQL and broker: an event appended in a transaction is
 * published right after its commit (the relay polls only hourly here), one appended in a rolled-back transaction
 * never, and appending needs the caller's transaction.
 */
@QuarkusTest
@WithTestResource(value = ServiceInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class OutboxIT {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventIsPublishedRightAfterItsTransactionCommits() {
        SiteUp event = siteUp("commit-site");

        CloudEventAttributes attributes = QuarkusTransaction.requiringNew().call(() -> outbox.write(event));

        ConsumerRecord<String, byte[]> record = awaitRecord(attributes.id());
        assertThat(record.key()).isEqualTo("commit-site");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("pra.site.up");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"observerId\": \"obs-1\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publishedAt(attributes.id())).isNotNull());
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverWritten() {
        List<String> ids = new ArrayList<>();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            ids.add(outbox.write(siteUp("rollback-site")).id());
            throw new IllegalStateException("the state change failed");
        })).hasMessage("the state change failed");

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE id = ?1").setParameter(1, UUID.fromString(ids.get(0)))
                .getSingleResult())).isEqualTo(0L);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.write(siteUp("no-transaction"))).isInstanceOf(TransactionalException.class);
    }

    private Object publishedAt(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT published_at FROM outbox_event WHERE id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String id) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.HEALTH));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static SiteUp siteUp(String site) {
        return new SiteUp(site, "obs-1", "zone-1", Instant.now(), null, 1, List.of(), Duration.ofSeconds(30), "boot-1");
    }
}
