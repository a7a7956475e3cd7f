package io.pra.events;

import java.util.regex.Pattern;

/** Kafka topic names and the record-key rule shared by every PRA producer and consumer. */
public final class Topics {

    /** Backup lifecycle events, produced by backup-service. */
    public static final String BACKUP = "pra.backup";
    /** Check and site health events, produced by health-service (and backup-service for RPO). */
    public static final String HEALTH = "pra.health";
    /** Failover and drill run events, produced by failover-service. */
    public static final String FAILOVER = "pra.failover";
    /** Prefix of the per-service dead-letter topics. */
    public static final String DLQ_PREFIX = "pra.dlq.";

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Topics() {
    }

    /** Dead-letter topic of one consuming service, e.g. {@code pra.dlq.notifier-service}. */
    public static String dlq(String service) {
        if (service == null || !SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException(
                    "service name must be lowercase letters, digits and dashes, got '" + service + "'");
        }
        return DLQ_PREFIX + service;
    }

    /** Kafka record key of an event: its site id (see {@link PraEvent#site()}). */
    public static String recordKey(PraEvent event) {
        return event.site();
    }
}
