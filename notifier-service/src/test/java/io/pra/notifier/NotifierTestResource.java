package io.pra.notifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pra.events.Topics;
import io.pra.testkit.kafka.ConsumerGroups;
import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Kafka, a fresh database, a Slack sink (WireMock) and an SMTP sink (GreenMail) as one test
 * resource, with channels and routes pointing at the sinks. The sinks are injected into test
 * fields of their types. Test-speed retry settings and a three-second grouping window, unless the
 * init arg {@code defaults} is {@code true} (delivery and grouping as configured by default); init
 * arg {@code intake-retry-for} bounds the retries of an event the database cannot record.
 */
public class NotifierTestResource implements QuarkusTestResourceLifecycleManager {

    /** Recipient of every email in the tests. */
    public static final String ON_CALL = "oncall@pra.test";
    /** Events of this site also go to the generic webhook channel. */
    public static final String WEBHOOK_SITE = "hooked";

    private static final List<String> TOPICS = List.of(Topics.BACKUP, Topics.HEALTH, Topics.FAILOVER);

    private final ServiceInfrastructureResource infrastructure = new ServiceInfrastructureResource();
    private boolean defaults;
    private String intakeRetryFor;
    private SlackSink slack;
    private SmtpSink smtp;

    @Override
    public void init(Map<String, String> initArgs) {
        defaults = Boolean.parseBoolean(initArgs.get("defaults"));
        intakeRetryFor = initArgs.get("intake-retry-for");
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("database", "notifier");
        args.put("topics", "pra.backup:3,pra.health:3,pra.failover:3,pra.dlq.notifier-service:1");
        infrastructure.init(args);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        // A group of its own starting at the end of the topics: no wait for the previous test
        // application's member to leave a shared group, and no replay of earlier classes' events.
        String group = "notifier-test-" + UUID.randomUUID();
        ConsumerGroups.startAtEnd(config.get("kafka.bootstrap.servers"), group, TOPICS);
        config.put("mp.messaging.incoming.pra-events.group.id", group);
        slack = SlackSink.start();
        smtp = SmtpSink.start();
        // Looks like a real Slack webhook path: the secret the tests look for in logs and API output.
        config.put("pra.notifier.channels.slack.url", slack.webhookUrl("T0PRA/B0PRA/" + secretToken()));
        config.put("pra.notifier.channels.email.type", "email");
        config.put("pra.notifier.channels.email.to", ON_CALL);
        config.put("pra.notifier.channels.hook.type", "webhook");
        config.put("pra.notifier.channels.hook.url", slack.baseUrl() + SlackSink.WEBHOOK_PREFIX + "hook/"
                + secretToken());
        config.put("pra.notifier.routes[0].channels", "slack,email");
        config.put("pra.notifier.routes[0].severities", "critical,warning");
        config.put("pra.notifier.routes[1].types", "pra.backup.*,pra.health.recovered");
        config.put("pra.notifier.routes[1].channels", "slack");
        config.put("pra.notifier.routes[2].sites", WEBHOOK_SITE);
        config.put("pra.notifier.routes[2].channels", "hook");
        config.put("pra.notifier.failover-api-url", "http://failover.pra.test:8083");
        if (!defaults) {
            config.put("pra.notifier.delivery.max-attempts", "3");
            config.put("pra.notifier.delivery.initial-backoff", "PT0.2S");
            config.put("pra.notifier.delivery.max-backoff", "PT5S");
            config.put("pra.notifier.delivery.poll-interval", "PT0.2S");
            config.put("pra.notifier.grouping.window", "PT3S");
            config.put("pra.notifier.intake.max-backoff", "PT1S");
        }
        if (intakeRetryFor != null) {
            config.put("pra.notifier.intake.retry-for", intakeRetryFor);
        }
        config.put("quarkus.mailer.host", smtp.host());
        config.put("quarkus.mailer.port", String.valueOf(smtp.port()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.from", "pra@pra.test");
        config.put("quarkus.mailer.mock", "false");
        return config;
    }

    private static String secretToken() {
        return "secret" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(slack, new TestInjector.MatchesType(SlackSink.class));
        testInjector.injectIntoFields(smtp, new TestInjector.MatchesType(SmtpSink.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        infrastructure.stop();
    }
}
