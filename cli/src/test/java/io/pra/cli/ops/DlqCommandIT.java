package io.pra.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pra.cli.Pra;
import io.pra.events.Topics;
import io.pra.testkit.kafka.KafkaBroker;
import picocli.CommandLine;

/**
 * {@code pra dlq list} and {@code pra dlq replay} on a real broker, against dead letters written as SmallRye Kafka's
 * dead-letter queue writes them (the original key, value and headers, plus {@code dead-letter-*} headers).
 */
class DlqCommandIT {

    private static KafkaBroker broker;
    private static KafkaProducer<String, byte[]> producer;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String dlq;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.embedded().start();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @BeforeEach
    void freshDeadLetterTopic() {
        // One dead-letter topic per test: the letters of one test never show in another's.
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        dlq = Topics.dlq(service);
        broker.createTopics(Map.of(dlq, 1, Topics.BACKUP, 1, Topics.HEALTH, 1));
    }

    @Test
    void listShowsWhereEachLetterCameFromAndWhy() {
        String id = deadLetter(Topics.BACKUP, "pra.backup.completed", "{\"backupName\":7}",
                "Invalid pra.backup.completed: /backupName: integer found, string expected");

        assertThat(run("dlq", "list", dlq, "--bootstrap", broker.bootstrapServers())).isZero();

        assertThat(out.toString()).contains(dlq + " [0]@0").contains("pra.backup.completed id=" + id)
                .contains("from pra.backup[2]@41").contains("/backupName: integer found").contains("1 dead letter");
    }

    @Test
    void replayRepublishesTheOriginalRecordByteForByteWithoutTheDeadLetterHeaders() {
        String value = "{\"site\":\"a\",\"backupName\":\"shop-1\"}";
        String id = deadLetter(Topics.BACKUP, "pra.backup.completed", value, "Invalid pra.backup.completed");
        long before = records(Topics.BACKUP).size();

        assertThat(run("dlq", "replay", dlq, "--id", id, "--bootstrap", broker.bootstrapServers())).as("%s", err).isZero();

        List<ConsumerRecord<String, byte[]>> backups = records(Topics.BACKUP);
        assertThat(backups).hasSize((int) before + 1);
        ConsumerRecord<String, byte[]> replayed = backups.get(backups.size() - 1);
        assertThat(replayed.key()).isEqualTo("a");
        assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(header(replayed, "ce_id")).isEqualTo(id);
        assertThat(header(replayed, "ce_type")).isEqualTo("pra.backup.completed");
        List<String> names = new ArrayList<>();
        replayed.headers().forEach(h -> names.add(h.key()));
        assertThat(names).noneMatch(name -> name.startsWith("dead-letter-"));
        assertThat(out.toString()).contains("replayed " + id).contains("replayed 1, skipped 0");
    }

    @Test
    void votesAreNeverReplayedAndAnUnknownIdIsAnError() {
        String vote = deadLetter(Topics.HEALTH, "pra.site.down", "{\"site\":\"a\"}", "Invalid pra.site.down");
        long before = records(Topics.HEALTH).size();

        assertThat(run("dlq", "replay", dlq, "--id", vote, "--bootstrap", broker.bootstrapServers())).isEqualTo(1);
        assertThat(err.toString()).contains("skipped").contains("within their TTL");
        assertThat(records(Topics.HEALTH)).hasSize((int) before);

        assertThat(run("dlq", "replay", dlq, "--id", "no-such-id", "--bootstrap", broker.bootstrapServers()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no dead letter with id no-such-id in " + dlq);
    }

    @Test
    void anEmptyDeadLetterTopicIsSaidSo() {
        assertThat(run("dlq", "list", dlq, "--bootstrap", broker.bootstrapServers())).isZero();
        assertThat(out.toString()).contains("no dead letter in " + dlq);
    }

    /** Writes a dead letter as SmallRye Kafka does for a record refused from {@code topic}; returns its event id. */
    private String deadLetter(String topic, String type, String value, String reason) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlq, "a", value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                .add("ce_source", bytes("/pra/backup-service/backup-1")).add("ce_type", bytes(type))
                .add("ce_subject", bytes("a")).add("ce_time", bytes("2026-12-07T10:00:00Z"))
                .add("content-type", bytes("application/json"))
                .add("dead-letter-exception-class-name", bytes("java.lang.IllegalArgumentException"))
                .add("dead-letter-reason", bytes(reason)).add("dead-letter-topic", bytes(topic))
                .add("dead-letter-partition", bytes("2")).add("dead-letter-offset", bytes("41"));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        CommandLine commandLine = Pra.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
