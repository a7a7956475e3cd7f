package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.common.Uuid;

import io.pra.testkit.launch.LoopbackPorts;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * The drill's Kafka broker: the test kit's in-JVM KRaft broker, with one extra listener per service process.
 *
 * <p>A Kafka client only bootstraps through the address it is given; afterwards it connects to the addresses
 * the broker advertises. A plain TCP proxy in front of one listener would therefore be bypassed. Here each
 * service has a listener of its own that advertises the service's {@link BrokerProxy} port, so every byte a
 * service exchanges with the broker goes through its proxy, and a partition cuts it off for real.
 * {@link #stop()} and {@link #start()} keep ports, cluster id and data (broker restarts).
 */
final class DrillBroker implements AutoCloseable {

    /** Kept strongly reachable: java.util.logging may otherwise forget the levels set on them. */
    private static final List<Logger> QUIETED = java.util.stream.Stream.of("kafka", "org.apache.kafka",
            "state.change.logger", "io.smallrye.reactive.messaging.kafka.companion").map(Logger::getLogger).toList();

    private final String clusterId = Uuid.randomUuid().toString();
    private final Path logDir;
    private final int kafkaPort;
    private final int controllerPort;
    /** Listener name → (port the broker listens on, port it advertises = the proxy's). */
    private final Map<String, int[]> serviceListeners = new LinkedHashMap<>();
    private EmbeddedKafkaBroker embedded;

    DrillBroker() {
        try {
            logDir = Files.createTempDirectory("pra-drill-kafka-");
            kafkaPort = LoopbackPorts.free();
            controllerPort = LoopbackPorts.free();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka broker", e);
        }
    }

    /** Adds a listener for one service, advertised at {@code proxyPort}; returns the port the broker listens on. */
    synchronized int addServiceListener(String service, int proxyPort) {
        if (embedded != null) {
            throw new IllegalStateException("listeners are added before the broker starts");
        }
        int port = LoopbackPorts.free();
        serviceListeners.put(listenerName(service), new int[] {port, proxyPort});
        return port;
    }

    synchronized void start() {
        if (embedded != null) {
            return;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        // Kafka's storage formatter prints to stdout; the drill's terminal is for the drill's own lines.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            embedded = newBroker();
        } finally {
            System.setOut(stdout);
        }
    }

    private EmbeddedKafkaBroker newBroker() {
        return new EmbeddedKafkaBroker()
                .withClusterId(clusterId)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(this::tune)
                .start();
    }

    private void tune(Properties properties) {
        properties.put("log.dir", logDir.toString());
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("auto.create.topics.enable", "true");
        // As deploy/ sets on pra.health: a vote's age counts from when the broker appended it, not from a time
        // its producer chose.
        properties.put("log.message.timestamp.type", "LogAppendTime");
        properties.put("group.initial.rebalance.delay.ms", "0");
        List<String> listeners = new ArrayList<>(List.of("PLAINTEXT://127.0.0.1:" + kafkaPort,
                "CONTROLLER://127.0.0.1:" + controllerPort));
        List<String> advertised = new ArrayList<>(List.of("PLAINTEXT://127.0.0.1:" + kafkaPort));
        StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        serviceListeners.forEach((name, ports) -> {
            listeners.add(name + "://127.0.0.1:" + ports[0]);
            advertised.add(name + "://127.0.0.1:" + ports[1]);
            protocols.append(',').append(name).append(":PLAINTEXT");
        });
        properties.put("listeners", String.join(",", listeners));
        properties.put("advertised.listeners", String.join(",", advertised));
        properties.put("listener.security.protocol.map", protocols.toString());
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
    }

    /** Stops the broker, keeping its ports and data. */
    synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    synchronized boolean isRunning() {
        return embedded != null;
    }

    /** Bootstrap address of the drill's own clients (not proxied). */
    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public synchronized void close() {
        stop();
        try (var paths = Files.walk(logDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    private static String listenerName(String service) {
        return "SVC_" + service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
