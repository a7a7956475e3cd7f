package io.pra.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * An Apache Kafka broker for tests and the drill: a KRaft broker inside this JVM, or an
 * existing broker named by {@code PRA_KAFKA_BOOTSTRAP}.
 *
 * <p>The embedded broker keeps its port, cluster id and log directory across {@link #stop()} and
 * {@link #start()}, so clients reconnect to the same address and find their data: this is how
 * the drill restarts the broker under running services. {@link #close()} removes the log dir.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Environment variable naming an existing broker ({@code host:port[,host:port]}). */
    public static final String BOOTSTRAP_ENV = "PRA_KAFKA_BOOTSTRAP";

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** Kept strongly reachable: java.util.logging may otherwise forget the levels set on them. */
    private static final List<Logger> QUIETED = Stream.of("kafka", "org.apache.kafka", "state.change.logger",
            "io.smallrye.reactive.messaging.kafka.companion").map(Logger::getLogger).toList();

    private final String externalBootstrap;
    private final String clusterId = Uuid.randomUuid().toString();
    private EmbeddedKafkaBroker embedded;
    private Path logDir;
    private int kafkaPort;
    private int controllerPort;

    private KafkaBroker(String externalBootstrap) {
        this.externalBootstrap = externalBootstrap;
    }

    /** The broker named by {@code PRA_KAFKA_BOOTSTRAP} if set, else a new embedded one (not started). */
    public static KafkaBroker fromEnvironment() {
        String bootstrap = System.getenv(BOOTSTRAP_ENV);
        return bootstrap == null || bootstrap.isBlank() ? embedded() : external(bootstrap.trim());
    }

    /** A new in-JVM KRaft broker on a random port, not started yet. */
    public static KafkaBroker embedded() {
        return new KafkaBroker(null);
    }

    /** An existing broker; {@link #start()}, {@link #stop()} and {@link #close()} leave it alone. */
    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    /** Starts the embedded broker (again, after {@link #stop()}, on the same port with the same data). */
    public synchronized KafkaBroker start() {
        if (isExternal() || isRunning()) {
            return this;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        try {
            if (logDir == null) {
                logDir = Files.createTempDirectory("pra-kafka-");
                kafkaPort = freePort();
                controllerPort = freePort();
            }
            embedded = new EmbeddedKafkaBroker()
                    .withClusterId(clusterId)
                    .withKafkaPort(kafkaPort)
                    .withControllerPort(controllerPort)
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(this::tune)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory", e);
        } catch (RuntimeException e) {
            embedded = null;
            throw new IllegalStateException("Cannot start the embedded Kafka broker (log dir " + logDir + "): "
                    + e.getMessage(), e);
        }
        return this;
    }

    private void tune(Properties properties) {
        properties.put("log.dir", logDir.toString());
        // One broker: internal topics cannot be replicated and must not wait for a quorum.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("auto.create.topics.enable", "true");
        // As deploy/ sets on pra.health: a vote's age counts from when the broker appended it, not from a time
        // its producer chose.
        properties.put("log.message.timestamp.type", "LogAppendTime");
    }

    /** Stops the embedded broker, keeping its port and data for a later {@link #start()}. */
    public synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** Stops the embedded broker and removes its log directory. */
    @Override
    public synchronized void close() {
        stop();
        if (logDir != null) {
            deleteRecursively(logDir);
            logDir = null;
        }
    }

    /** Whether this is an existing broker named from outside. */
    public boolean isExternal() {
        return externalBootstrap != null;
    }

    /** Whether clients can reach the broker now (always true for an external one). */
    public synchronized boolean isRunning() {
        return isExternal() || embedded != null;
    }

    /** The bootstrap servers to give clients. */
    public synchronized String bootstrapServers() {
        if (isExternal()) {
            return externalBootstrap;
        }
        if (kafkaPort == 0) {
            throw new IllegalStateException("The embedded Kafka broker was never started");
        }
        return "localhost:" + kafkaPort;
    }

    /** The log directory of the embedded broker, or null for an external one. */
    public synchronized Path logDir() {
        return logDir;
    }

    /** Creates each topic with the partition count given, leaving topics that exist as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey() + " on "
                                + bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics on " + bootstrapServers(), e);
        }
    }

    /** Creates one topic with the partition count given, if it does not exist. */
    public void createTopic(String topic, int partitions) {
        createTopics(Map.of(topic, partitions));
    }

    /** An admin client on this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove Kafka log directory " + root, e);
        }
    }
}
