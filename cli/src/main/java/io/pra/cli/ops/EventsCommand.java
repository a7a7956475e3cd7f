package io.pra.cli.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pra events [--follow]}: PRA's topics, one readable line per event. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Print the events on PRA's topics (pra.backup, pra.health, pra.failover, pra.dlq.*), one line each.")
public final class EventsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            defaultValue = "${env:PRA_KAFKA_BOOTSTRAP:-localhost:9092}",
            description = "Kafka bootstrap servers (env PRA_KAFKA_BOOTSTRAP, default ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until Ctrl-C.")
    boolean follow;

    @Spec
    CommandSpec spec;

    private final EventCodec codec = new EventCodec();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pra-cli-events-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Set<String> topics = consumer.listTopics(Duration.ofSeconds(10)).keySet().stream()
                    .filter(t -> t.startsWith("pra.")).collect(Collectors.toSet());
            if (topics.isEmpty() && !follow) {
                out.println("no pra.* topic on " + bootstrap + " yet");
                out.flush();
                return 0;
            }
            consumer.subscribe(Pattern.compile("pra\\..*"));
            Map<TopicPartition, Long> ends = null;
            long idleSince = System.nanoTime();
            while (true) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    out.println(line(record));
                }
                out.flush();
                if (!follow) {
                    if (ends == null && !consumer.assignment().isEmpty()) {
                        ends = consumer.endOffsets(consumer.assignment());
                    }
                    if (ends != null && caughtUp(consumer, ends)) {
                        return 0;
                    }
                    if (records.isEmpty() && System.nanoTime() - idleSince > Duration.ofSeconds(15).toNanos()) {
                        return 0;
                    }
                    if (!records.isEmpty()) {
                        idleSince = System.nanoTime();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            spec.commandLine().getErr().println("pra events: Kafka at " + bootstrap
                    + " is unreachable (set --bootstrap or PRA_KAFKA_BOOTSTRAP): " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private String line(ConsumerRecord<String, byte[]> record) {
        if (record.topic().startsWith(Topics.DLQ_PREFIX)) {
            return String.format("%s  %-28s key=%s", TIME.format(java.time.Instant.ofEpochMilli(record.timestamp())),
                    "DEAD LETTER " + record.topic(), record.key());
        }
        try {
            CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
            String fields = "";
            if (EventType.find(attributes.type()).isPresent()) {
                fields = KeyFields.of(codec.read(record.value(), attributes.type())).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            }
            return String.format("%s  %-28s %s", TIME.format(attributes.time()), attributes.type(), fields);
        } catch (RuntimeException e) {
            return String.format("%s  %-28s (unreadable: %s)", TIME.format(java.time.Instant.ofEpochMilli(
                    record.timestamp())), record.topic(), e.getMessage());
        }
    }
}
