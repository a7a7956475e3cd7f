package io.pra.notifier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.health.Severity;
import io.pra.notifier.channel.OutgoingEvent;
import io.pra.notifier.domain.SendOutcome;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.DeliveryStatus;
import io.pra.notifier.domain.Notification;
import io.pra.notifier.persistence.DeliveryEntity;
import io.pra.notifier.persistence.DeliveryRepository;

/** Operator use cases on the delivery log: list, retry a FAILED delivery, send a test message. */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final ChannelDirectory directory;
    private final Dispatcher dispatcher;
    private final NotifierConfig config;
    private final Clock clock;

    DeliveryService(DeliveryRepository deliveries, ChannelDirectory directory, Dispatcher dispatcher,
            NotifierConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    /** Deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliverySummary> list(DeliveryStatus status, String channel, int limit) {
        return deliveries.list(status, channel, limit).stream().map(DeliverySummary::of).toList();
    }

    /** One delivery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeliverySummary> find(long id) {
        return deliveries.findByIdOptional(id).map(DeliverySummary::of);
    }

    /**
     * Puts a FAILED delivery back to PENDING with a fresh retry budget; the dispatcher sends it at
     * once. A SENT or PENDING delivery is left alone (empty result).
     */
    @Transactional
    public Optional<DeliverySummary> retry(long id) {
        Optional<DeliveryEntity> found = deliveries.findByIdOptional(id)
                .filter(delivery -> delivery.status == DeliveryStatus.FAILED);
        found.ifPresent(delivery -> {
            Instant now = clock.instant();
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.updatedAt = now;
            LOG.infof("delivery %d of %s on channel %s for site %s put back to PENDING by an operator", delivery.id,
                    delivery.eventType, delivery.channel, delivery.site);
        });
        return found.map(DeliverySummary::of);
    }

    /** Wakes the dispatcher after a retry committed. */
    public void dispatchNow() {
        dispatcher.wakeUp();
    }

    /** Sends a test message to a channel now, outside the delivery log; empty if there is no such channel. */
    public Optional<SendOutcome> sendTest(String channelName, String text) {
        return directory.channel(channelName).map(target -> {
            Notification notification = new Notification(UUID.randomUUID().toString(), "pra.notifier.test",
                    "Test message from PRA notifier-service", "test", Severity.INFO, clock.instant(),
                    List.of(new Notification.Fact("Message", text), new Notification.Fact("Channel", channelName)),
                    null);
            String source = "/pra/notifier-service/" + config.instance();
            String payload = "{\"message\":" + io.pra.events.EventJson.mapper().valueToTree(text) + "}";
            SendOutcome outcome = target.sender().send(target.settings(),
                    List.of(new OutgoingEvent(notification, source, payload)));
            LOG.infof("test message on channel %s: %s", channelName, outcome.sent() ? "sent" : outcome.error());
            return outcome;
        });
    }
}
