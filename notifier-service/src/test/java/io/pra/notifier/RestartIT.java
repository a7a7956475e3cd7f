package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.Topics;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.Database;
import io.pra.testkit.kafka.ConsumerGroups;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.NotifierLaunch;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;

/**
 * Stops the packaged service (its own JVM, SIGTERM) while deliveries are PENDING and starts it
 * again on the same database: every delivery is sent, none twice.
 */
class RestartIT {

    private static final int EVENTS = 20;
    private final List<ServiceProcess> processes = new ArrayList<>();
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
        processes.forEach(ServiceProcess::kill);
        slack.close();
        smtp.close();
        SharedInfrastructure.postgres().dropDatabase(database);
    }

    @Test
    void pendingDeliveriesAreAllSentAfterARestartAndNoneTwice() throws Exception {
        String site = site("restart");

        // First run: Slack unreachable, so the Slack deliveries stay PENDING; email works.
        ServiceProcess first = start("first", unreachableUrl());
        List<String> ids = new ArrayList<>();
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int i = 1; i <= EVENTS; i++) {
                CloudEventAttributes attributes = publisher.publish(siteDown(site, i));
                ids.add(attributes.id());
            }
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SENT", "email") == EVENTS
                && count("PENDING", "slack") == EVENTS && minAttempts("slack") >= 1);
        assertThat(first.stop(Duration.ofSeconds(60))).as("the service stops on SIGTERM").isTrue();
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

    /** The packaged service as its own JVM, not waited for: the test waits for what it does. */
    private ServiceProcess start(String name, String slackUrl) {
        NotifierLaunch launch = new NotifierLaunch("notifier-" + name, LoopbackPorts.free(), bootstrapServers, database)
                .consumerGroup(group).instance("restart-" + name).slackWebhook(URI.create(slackUrl))
                .emailChannel("email", List.of(NotifierTestResource.ON_CALL))
                .route(new NotifierLaunch.Route(null, List.of("slack", "email")))
                .maxAttempts(1000).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1))
                .smtp(new NotifierLaunch.Smtp(smtp.host(), smtp.port(), "DISABLED", null));
        ServiceProcess process = ServiceProcess.builder(launch, ServiceProcess.packagedJar(Path.of("")))
                .jvmOptions(List.of("-Xmx256m")).log(Path.of("target", "restart-it", name + ".log")).build();
        processes.add(process);
        process.start();
        return process;
    }

    /** A port nothing listens on. */
    private static String unreachableUrl() {
        return "http://127.0.0.1:" + LoopbackPorts.free() + "/services/T0PRA/B0PRA/down";
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
