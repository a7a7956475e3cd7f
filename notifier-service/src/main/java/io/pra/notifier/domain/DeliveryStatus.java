package io.pra.notifier.domain;

/** Where one (event, channel) delivery stands: PENDING until SENT, or FAILED after the retry bound. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
