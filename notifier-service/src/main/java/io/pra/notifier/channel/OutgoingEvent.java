package io.pra.notifier.channel;

import io.pra.notifier.domain.Notification;

/**
 * One event as a channel sends it: the readable notification, and what the CloudEvent carried
 * besides (the generic webhook forwards it).
 *
 * @param notification what people read; its id, type, site and time are the CloudEvent's
 * @param source       the CloudEvents source
 * @param payloadJson  the event payload as received
 */
public record OutgoingEvent(Notification notification, String source, String payloadJson) {
}
