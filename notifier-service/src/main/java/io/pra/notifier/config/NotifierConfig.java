package io.pra.notifier.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.kit.intake.IntakeSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notifier-service (prefix {@code pra.notifier}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.notifier")
public interface NotifierConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/notifier-service/<instance>}). */
    @WithDefault("${HOSTNAME:notifier-1}")
    String instance();

    /** Channel used when no routing rule matches. */
    @WithDefault("slack")
    String defaultChannel();

    /** Base URL of failover-service's REST API, linked from failover messages. */
    Optional<String> failoverApiUrl();

    /** Named channels; the name is what routes refer to. */
    Map<String, Channel> channels();

    /** Routing rules, tried in order; every matching rule adds its channels. */
    List<Route> routes();

    /** How the dispatcher sends and retries. */
    Delivery delivery();

    /** Grouping of low-severity events. */
    Grouping grouping();

    /** How a valid event is retried in place when it cannot be recorded (database down). */
    Intake intake();

    /**
     * How long a closed site-down episode is remembered before retention deletes it; a late heartbeat of an episode
     * older than this would be notified again. Open episodes are never deleted.
     */
    @WithDefault("P30D")
    Duration episodeRetention();

    /** One delivery channel. */
    interface Channel {

        /** {@code slack}, {@code email} or {@code webhook}. */
        String type();

        /** Slack incoming webhook URL or generic webhook URL: a secret. */
        Optional<String> url();

        /** Email recipients. */
        Optional<List<String>> to();
    }

    /** One routing rule; an absent criterion matches everything. */
    interface Route {

        /** Event types, {@code *} wildcards allowed ({@code pra.failover.*}). */
        Optional<List<String>> types();

        /** Site ids. */
        Optional<List<String>> sites();

        /** Severities: {@code info}, {@code warning}, {@code critical}. */
        Optional<List<String>> severities();

        /** Channel names the matching events go to. */
        List<String> channels();
    }

    /** Dispatcher settings. */
    interface Delivery {

        /** Attempts before a delivery is marked FAILED. */
        @WithDefault("6")
        int maxAttempts();

        /** Backoff after the first failed attempt; doubled after each further one, with jitter. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        /** Upper bound of one backoff (and of a Retry-After honoured). */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /** How often the dispatcher looks for due deliveries besides being woken by new ones. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Timeout of one HTTP send. */
        @WithDefault("PT10S")
        Duration httpTimeout();
    }

    /** Grouping settings. */
    interface Grouping {

        /** Low-severity events of one site and type within this window go out as one message. */
        @WithDefault("PT1M")
        Duration window();
    }

    /** How a valid event the database cannot record is retried (kit defaults). */
    interface Intake extends IntakeSettings {
    }
}
