package io.pra.events;

/**
 * CloudEvents {@code type} strings, as compile-time constants for annotations and switches.
 * {@link EventType} is the registry that ties each one to its record, topic and schema.
 */
public final class EventTypes {

    public static final String BACKUP_COMPLETED = "pra.backup.completed";
    public static final String BACKUP_FAILED = "pra.backup.failed";
    public static final String BACKUP_OFFSITE_VERIFIED = "pra.backup.offsite-verified";

    public static final String HEALTH_DEGRADED = "pra.health.degraded";
    public static final String HEALTH_RECOVERED = "pra.health.recovered";
    public static final String SITE_DOWN = "pra.site.down";
    public static final String SITE_UP = "pra.site.up";

    public static final String FAILOVER_DECIDED = "pra.failover.decided";
    public static final String FAILOVER_AWAITING_APPROVAL = "pra.failover.awaiting-approval";
    public static final String FAILOVER_APPROVED = "pra.failover.approved";
    public static final String FAILOVER_STEP = "pra.failover.step";
    public static final String FAILOVER_COMPLETED = "pra.failover.completed";
    public static final String FAILOVER_FAILED = "pra.failover.failed";
    public static final String FAILOVER_ABORTED = "pra.failover.aborted";
    public static final String FAILOVER_QUORUM_INCOMPLETE = "pra.failover.quorum-incomplete";
    public static final String DRILL_STARTED = "pra.drill.started";
    public static final String DRILL_COMPLETED = "pra.drill.completed";

    private EventTypes() {
    }
}
