package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM (what Ctrl-C's shutdown path runs) stops every process a drill started, and nothing it opened is
 * left listening.
 */
class DrillShutdownIT {

    private static final Pattern PORT = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d{2,5})");

    @Test
    void sigtermStopsEveryProcessAndClosesEveryPort() throws Exception {
        Path scenario = Path.of(getClass().getResource("/drill/wrong-expectation.yaml").toURI());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dpra.root=" + DrillFixtures.root(), "-cp", System.getProperty("java.class.path"),
                "io.pra.cli.Pra", "drill", scenario.toString()).redirectErrorStream(true);
        Process drill = builder.start();
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(drill.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher matcher = PORT.matcher(line);
                    while (matcher.find()) {
                        ports.add(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                // The process ended.
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> text(output).contains("SETUP     starting")
                            && drill.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                                    .count() >= 3);
            List<ProcessHandle> children = drill.descendants().toList();
            assertThat(children).isNotEmpty();

            drill.destroy(); // SIGTERM

            assertThat(drill.waitFor(60, TimeUnit.SECONDS)).as("drill exits after SIGTERM").isTrue();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(children)
                    .as("processes the drill started").noneMatch(ProcessHandle::isAlive));
            reader.join(5_000);
            assertThat(ports).as("ports the drill printed").isNotEmpty();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ports)
                    .as("ports still listening").noneMatch(DrillShutdownIT::listening));
        } finally {
            drill.descendants().forEach(ProcessHandle::destroyForcibly);
            drill.destroyForcibly();
        }
    }

    private static String text(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
