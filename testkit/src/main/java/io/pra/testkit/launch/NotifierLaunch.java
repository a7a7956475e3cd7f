package io.pra.testkit.launch;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pra.testkit.db.Database;

/** A notifier-service process: its channels, routes, delivery timings and SMTP server ({@code pra.notifier.*}). */
public final class NotifierLaunch extends ServiceLaunch {

    /** The SmallRye channel that consumes PRA's topics (notifier-service's application.properties). */
    static final String INCOMING_CHANNEL = "mp.messaging.incoming.pra-events.";

    private String instance;
    private URI failoverApiUrl;
    private URI slackWebhook;
    private final Map<String, List<String>> emailChannels = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private Duration groupingWindow;
    private Integer maxAttempts;
    private Duration initialBackoff;
    private Duration maxBackoff;
    private Duration deliveryPollInterval;
    private Smtp smtp;
    private String consumerGroup;

    /** A routing rule: event types ({@code *} wildcards; null for every type) and the channels they go to. */
    public record Route(List<String> types, List<String> channels) {
    }

    /** The SMTP server of email channels; {@code startTls} is {@code DISABLED}, {@code OPTIONAL} or {@code REQUIRED}. */
    public record Smtp(String host, int port, String startTls, String from) {
    }

    public NotifierLaunch(String name, int httpPort, String kafkaBootstrap, Database database) {
        super("notifier-service", name, httpPort, kafkaBootstrap, database);
    }

    public NotifierLaunch instance(String instance) {
        this.instance = instance;
        return this;
    }

    /** failover-service's API, linked from failover messages. */
    public NotifierLaunch failoverApiUrl(URI url) {
        this.failoverApiUrl = url;
        return this;
    }

    /** The incoming webhook of the built-in {@code slack} channel (a secret: given in the environment). */
    public NotifierLaunch slackWebhook(URI url) {
        this.slackWebhook = url;
        return this;
    }

    public NotifierLaunch emailChannel(String name, List<String> recipients) {
        emailChannels.put(name, List.copyOf(recipients));
        return this;
    }

    /** Adds the next routing rule. */
    public NotifierLaunch route(Route route) {
        routes.add(route);
        return this;
    }

    public NotifierLaunch groupingWindow(Duration window) {
        this.groupingWindow = window;
        return this;
    }

    /** Attempts before a delivery is FAILED. */
    public NotifierLaunch maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    /** The wait after the first failed attempt; doubled after each further one. */
    public NotifierLaunch initialBackoff(Duration initial) {
        this.initialBackoff = initial;
        return this;
    }

    public NotifierLaunch maxBackoff(Duration max) {
        this.maxBackoff = max;
        return this;
    }

    public NotifierLaunch deliveryPollInterval(Duration interval) {
        this.deliveryPollInterval = interval;
        return this;
    }

    public NotifierLaunch smtp(Smtp server) {
        this.smtp = server;
        return this;
    }

    /** The Kafka consumer group of the incoming channel, e.g. one that starts at a known offset. */
    public NotifierLaunch consumerGroup(String group) {
        this.consumerGroup = group;
        return this;
    }

    @Override
    void render(LaunchSettings.Builder settings) {
        settings.env("PRA_NOTIFIER_SLACK_WEBHOOK_URL", slackWebhook)
                .put("pra.notifier.instance", instance)
                .put("pra.notifier.failover-api-url", failoverApiUrl);
        emailChannels.forEach((name, to) -> settings.put("pra.notifier.channels." + name + ".type", "email")
                .put("pra.notifier.channels." + name + ".to", to));
        for (int i = 0; i < routes.size(); i++) {
            settings.put("pra.notifier.routes[" + i + "].types", routes.get(i).types())
                    .put("pra.notifier.routes[" + i + "].channels", routes.get(i).channels());
        }
        settings.put("pra.notifier.grouping.window", groupingWindow)
                .put("pra.notifier.delivery.max-attempts", maxAttempts)
                .put("pra.notifier.delivery.initial-backoff", initialBackoff)
                .put("pra.notifier.delivery.max-backoff", maxBackoff)
                .put("pra.notifier.delivery.poll-interval", deliveryPollInterval)
                .put(INCOMING_CHANNEL + "group.id", consumerGroup);
        if (smtp != null) {
            settings.put("quarkus.mailer.host", smtp.host()).put("quarkus.mailer.port", smtp.port())
                    .put("quarkus.mailer.start-tls", smtp.startTls()).put("quarkus.mailer.from", smtp.from());
        }
    }
}
