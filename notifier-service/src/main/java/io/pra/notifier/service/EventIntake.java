package io.pra.notifier.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.CloudEventAttributes;
import io.pra.events.PraEvent;
import io.pra.kit.processed.ProcessedEvents;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.DeliveryStatus;
import io.pra.notifier.domain.EventClass;
import io.pra.notifier.domain.Router;
import io.pra.notifier.domain.SiteDownEpisodes;
import io.pra.notifier.persistence.DeliveryEntity;
import io.pra.notifier.persistence.DeliveryRepository;
import io.pra.notifier.persistence.EpisodeRepository;

/**
 * Turns a received event into PENDING deliveries, one per routed channel, in the transaction that
 * records the event id as processed: a redelivered event creates nothing.
 */
@ApplicationScoped
public class EventIntake {

    /** The consumer name recorded with each processed id. */
    static final String CONSUMER = "notifier-service";

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final ProcessedEvents processed;
    private final DeliveryRepository deliveries;
    private final EpisodeRepository episodes;
    private final ChannelDirectory directory;
    private final NotifierMetrics metrics;
    private final NotifierConfig config;
    private final Clock clock;

    EventIntake(ProcessedEvents processed, DeliveryRepository deliveries, EpisodeRepository episodes,
            ChannelDirectory directory, NotifierMetrics metrics, NotifierConfig config, Clock clock) {
        this.processed = processed;
        this.deliveries = deliveries;
        this.episodes = episodes;
        this.directory = directory;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records the deliveries of an event; false when the event had been processed already or is a
     * site-down heartbeat of an episode already notified (see {@link SiteDownEpisodes}).
     */
    @Transactional
    public boolean accept(CloudEventAttributes attributes, PraEvent event, byte[] payload) {
        if (!processed.markProcessed(UUID.fromString(attributes.id()), CONSUMER)) {
            metrics.skipped("duplicate");
            LOG.debugf("skipping event %s (%s, site %s): already processed", attributes.id(), attributes.type(),
                    attributes.subject());
            return false;
        }
        Instant now = clock.instant();
        boolean episodeKnown = SiteDownEpisodes.episodeOf(event)
                .map(episode -> episodes.recordOpened(episode, UUID.fromString(attributes.id()), now)).orElse(false);
        SiteDownEpisodes.closedBy(event).ifPresent(observer -> episodes.close(observer, now));
        if (!SiteDownEpisodes.deliver(event, episodeKnown)) {
            metrics.suppressed(attributes.type());
            LOG.debugf("suppressing event %s (%s, site %s): heartbeat of an episode already notified", attributes.id(),
                    attributes.type(), attributes.subject());
            return false;
        }
        EventClass eventClass = EventClass.of(attributes.type(), event);
        Router.Route route = directory.router().route(attributes.type(), attributes.subject(), eventClass.severity());
        if (route.unrouted()) {
            metrics.unrouted(attributes.type());
        }
        for (String channel : route.channels()) {
            DeliveryEntity delivery = new DeliveryEntity();
            delivery.eventId = UUID.fromString(attributes.id());
            delivery.eventType = attributes.type();
            delivery.eventSource = attributes.source();
            delivery.site = attributes.subject();
            delivery.severity = eventClass.severity().name();
            delivery.eventTime = attributes.time();
            delivery.payload = new String(payload, StandardCharsets.UTF_8);
            delivery.channel = channel;
            delivery.status = DeliveryStatus.PENDING;
            delivery.createdAt = now;
            delivery.updatedAt = now;
            delivery.nextAttemptAt = now;
            if (eventClass.groupable()) {
                delivery.groupKey = attributes.subject() + "|" + attributes.type() + "|" + channel;
                delivery.nextAttemptAt = deliveries.openGroupRelease(delivery.groupKey)
                        .orElse(now.plus(config.grouping().window()));
            }
            deliveries.persist(delivery);
        }
        LOG.infof("event %s (%s, site %s) routed to %s%s", attributes.id(), attributes.type(), attributes.subject(),
                route.channels(), route.unrouted() ? " (no route matched: default channel)" : "");
        return true;
    }
}
