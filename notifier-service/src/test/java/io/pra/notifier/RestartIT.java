package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.Topics;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.Database;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;

/**
 * Stops the packaged service (its own JVM, SIGTERM) while deliveries are PENDING and starts it
 * again on the same database: every delivery is sent, none twice.
 */
class RestartIT {

    private static final int EVENTS = 20;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final List<Process> processes = new ArrayList<>();
    private Database database;
    private SlackSink slack;
    private SmtpSink smtp;
    private String bootstrapServers;
    private String group;

    @BeforeEach
    void startInfrastructure() {
        bootstrapServers = SharedInfrastructure.kafka().bootstrapServers();
        SharedInfrastructure.kafka().createTopics(Map.of(Topics.BACKUP, 3, Topics.HEALTH, 3, Topics.FAILOVER, 3));
        database = SharedInfrastructure.postgres().createDatabase("notifier");
        slack = SlackSink.start();
        smtp = SmtpSink.start();
        group = "notifier-restart-" + UUID.randomUUID();
        ConsumerGroups.startAtEnd(bootstrapServers, group, List.of(Topics.BACKUP, Topics.HEALTH, Topics.FAILOVER));
    }

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
        slack.close();
        smtp.close();
        SharedInfrastructure.postgres().dropDatabase(database);
    }

    @Test
    void pendingDeliveriesAreAllSentAfterARestartAndNoneTwice() throws Exception {
        assertThat(JAR).as("the packaged service (mvn verify packages it before integration tests)").exists();
        String site = site("restart");

        // First run: Slack unreachable, so the Slack deliveries stay PENDING; email works.
        Process first = start("first", unreachableUrl());
        List<String> ids = new ArrayList<>();
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int i = 1; i <= EVENTS; i++) {
                CloudEventAttributes attributes = publisher.publish(siteDown(site, i));
                ids.add(attributes.id());
            }
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SENT", "email") == EVENTS
                && count("PENDING", "slack") == EVENTS && minAttempts("slack") >= 1);
        stop(first);
        assertThat(count("PENDING", "slack")).isEqualTo(EVENTS);
        assertThat(Inbox.mails(smtp, site)).hasSize(EVENTS);

        // Second run on the same database, Slack back: every PENDING delivery goes out once.
        start("second", slack.webhookUrl("T0PRA/B0PRA/restart"));
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SENT", "slack") == EVENTS);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Inbox.accepted(slack, site).size() == EVENTS);
        Set<String> postedIds = Inbox.accepted(slack, site).stream()
                .map(post -> ids.stream().filter(post.body()::contains).findFirst().orElse("none"))
                .collect(Collectors.toSet());
        assertThat(postedIds).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Inbox.mails(smtp, site)).hasSize(EVENTS);
    }

    private Process start(String name, String slackUrl) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", "0");
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        settings.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        settings.put("quarkus.datasource.username", database.username());
        settings.put("quarkus.datasource.password", database.password());
        settings.put("mp.messaging.incoming.pra-events.group.id", group);
        settings.put("pra.notifier.instance", "restart-" + name);
        settings.put("pra.notifier.channels.slack.url", slackUrl);
        settings.put("pra.notifier.channels.email.type", "email");
        settings.put("pra.notifier.channels.email.to", NotifierTestResource.ON_CALL);
        settings.put("pra.notifier.routes[0].channels", "slack,email");
        settings.put("pra.notifier.delivery.max-attempts", "1000");
        settings.put("pra.notifier.delivery.initial-backoff", "PT0.2S");
        settings.put("pra.notifier.delivery.max-backoff", "PT1S");
        settings.put("quarkus.mailer.host", smtp.host());
        settings.put("quarkus.mailer.port", String.valueOf(smtp.port()));
        settings.put("quarkus.mailer.start-tls", "DISABLED");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        Path log = Files.createDirectories(Path.of("target", "restart-it")).resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
    }

    private static String unreachableUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/services/T0PRA/B0PRA/down";
        }
    }

    private int count(String status, String channel) throws SQLException {
        return query("SELECT count(*) FROM notifier.delivery WHERE status = ? AND channel = ?", status, channel);
    }

    private int minAttempts(String channel) throws SQLException {
        return query("SELECT coalesce(min(attempts), 0) FROM notifier.delivery WHERE channel = ? AND ? = ?",
                channel, "x", "x");
    }

    private int query(String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the service has not migrated the schema yet
            }
            throw e;
        }
    }
}
