package io.pra.notifier.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.CloudEventAttributes;
import io.pra.events.EventCodec;
import io.pra.notifier.channel.OutgoingEvent;
import io.pra.notifier.domain.SendOutcome;
import io.pra.notifier.domain.DeliveryStatus;
import io.pra.notifier.domain.NotificationFactory;
import io.pra.notifier.domain.RetryPolicy;
import io.pra.notifier.persistence.DeliveryEntity;
import io.pra.notifier.persistence.DeliveryRepository;

/**
 * One send of one delivery (with the rest of its group), in one transaction that holds the row
 * lock while sending: another replica skips the row, and the row turns SENT in the same commit.
 */
@ApplicationScoped
public class DeliveryAttempt {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempt.class);

    private final DeliveryRepository deliveries;
    private final ChannelDirectory directory;
    private final NotificationFactory notifications;
    private final RetryPolicy retryPolicy;
    private final NotifierMetrics metrics;
    private final EventCodec codec;
    private final Clock clock;

    DeliveryAttempt(DeliveryRepository deliveries, ChannelDirectory directory, NotificationFactory notifications,
            RetryPolicy retryPolicy, NotifierMetrics metrics, EventCodec codec, Clock clock) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.notifications = notifications;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.codec = codec;
        this.clock = clock;
    }

    /** Ids of the deliveries due now. */
    @Transactional
    public List<Long> due(int limit) {
        return deliveries.dueIds(clock.instant(), limit);
    }

    /** Sends the delivery if it is still PENDING, due, and not being sent by someone else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void attempt(long id) {
        deliveries.groupKeyOf(id).ifPresent(deliveries::lockGroup);
        Optional<DeliveryEntity> claimed = deliveries.claim(id);
        if (claimed.isEmpty() || claimed.get().nextAttemptAt.isAfter(clock.instant())) {
            return;
        }
        DeliveryEntity delivery = claimed.get();
        List<DeliveryEntity> batch = new ArrayList<>();
        batch.add(delivery);
        if (delivery.groupKey != null) {
            batch.addAll(deliveries.claimGroup(delivery.groupKey, delivery.id));
        }
        Optional<ChannelDirectory.Target> target = directory.channel(delivery.channel);
        SendOutcome outcome = target.isEmpty()
                ? SendOutcome.reject("channel '" + delivery.channel + "' is no longer configured")
                : target.get().sender().send(target.get().settings(), batch.stream().map(this::outgoing).toList());
        record(batch, outcome);
    }

    private void record(List<DeliveryEntity> batch, SendOutcome outcome) {
        Instant now = clock.instant();
        DeliveryEntity lead = batch.get(0);
        Optional<Duration> delay = Optional.empty();
        if (!outcome.sent() && outcome.retryable()) {
            delay = retryPolicy.nextDelay(lead.attempts + 1, outcome.retryAfter());
        }
        for (DeliveryEntity row : batch) {
            row.attempts++;
            row.updatedAt = now;
            if (outcome.sent()) {
                row.status = DeliveryStatus.SENT;
                row.sentAt = now;
                row.lastError = null;
                metrics.outcome(row.channel, "sent");
                metrics.latency(row.channel, Duration.between(row.eventTime, now));
            } else if (delay.isPresent()) {
                row.lastError = outcome.error();
                row.nextAttemptAt = now.plus(delay.get());
                metrics.retry(row.channel);
            } else {
                row.status = DeliveryStatus.FAILED;
                row.lastError = outcome.error();
                metrics.outcome(row.channel, "failed");
            }
        }
        if (outcome.sent()) {
            LOG.infof("sent %s on channel %s for site %s (%d event(s), attempt %d)", lead.eventType, lead.channel,
                    lead.site, batch.size(), lead.attempts);
        } else if (delay.isPresent()) {
            LOG.warnf("delivery %d of %s on channel %s for site %s failed (attempt %d): %s; retrying in %s",
                    lead.id, lead.eventType, lead.channel, lead.site, lead.attempts, outcome.error(), delay.get());
        } else {
            LOG.errorf("delivery %d of %s on channel %s for site %s FAILED after %d attempt(s): %s", lead.id,
                    lead.eventType, lead.channel, lead.site, lead.attempts, outcome.error());
        }
    }

    private OutgoingEvent outgoing(DeliveryEntity row) {
        CloudEventAttributes attributes = new CloudEventAttributes(row.eventId.toString(), row.eventSource,
                row.eventType, row.site, row.eventTime, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.DATA_CONTENT_TYPE);
        byte[] payload = row.payload.getBytes(StandardCharsets.UTF_8);
        return new OutgoingEvent(notifications.create(attributes, codec.read(payload, row.eventType)),
                row.eventSource, row.payload);
    }
}
