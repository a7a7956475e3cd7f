package io.pra.notifier.domain;

import io.pra.events.EventTypes;
import io.pra.events.PraEvent;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;

/**
 * How much an event matters to the people on call, and whether it may wait to be grouped.
 *
 * @param severity  routing severity
 * @param groupable low-severity events that can go out as one message per site and type
 */
public record EventClass(Severity severity, boolean groupable) {

    /** The class of an event of a registered type. */
    public static EventClass of(String type, PraEvent event) {
        switch (type) {
            case EventTypes.BACKUP_COMPLETED:
            case EventTypes.BACKUP_OFFSITE_VERIFIED:
                return new EventClass(Severity.INFO, true);
            case EventTypes.HEALTH_RECOVERED:
                return new EventClass(((HealthRecovered) event).severity() == Severity.CRITICAL
                        ? Severity.WARNING : Severity.INFO, true);
            case EventTypes.HEALTH_DEGRADED:
                return new EventClass(((HealthDegraded) event).severity(), false);
            case EventTypes.BACKUP_FAILED:
            case EventTypes.SITE_UP:
            case EventTypes.DRILL_STARTED:
            case EventTypes.DRILL_COMPLETED:
                return new EventClass(Severity.WARNING, false);
            default:
                // site down and every failover event
                return new EventClass(Severity.CRITICAL, false);
        }
    }
}
