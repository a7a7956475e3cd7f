package io.pra.events;

import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverQuorumIncomplete;
import io.pra.events.failover.FailoverStep;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of event types: type string, payload record, topic and JSON Schema, listed once. */
public enum EventType {

    BACKUP_COMPLETED(EventTypes.BACKUP_COMPLETED, Topics.BACKUP, BackupCompleted.class),
    BACKUP_FAILED(EventTypes.BACKUP_FAILED, Topics.BACKUP, BackupFailed.class),
    BACKUP_OFFSITE_VERIFIED(EventTypes.BACKUP_OFFSITE_VERIFIED, Topics.BACKUP, BackupOffsiteVerified.class),

    HEALTH_DEGRADED(EventTypes.HEALTH_DEGRADED, Topics.HEALTH, HealthDegraded.class),
    HEALTH_RECOVERED(EventTypes.HEALTH_RECOVERED, Topics.HEALTH, HealthRecovered.class),
    SITE_DOWN(EventTypes.SITE_DOWN, Topics.HEALTH, SiteDown.class),
    SITE_UP(EventTypes.SITE_UP, Topics.HEALTH, SiteUp.class),

    FAILOVER_DECIDED(EventTypes.FAILOVER_DECIDED, Topics.FAILOVER, FailoverDecided.class),
    FAILOVER_AWAITING_APPROVAL(EventTypes.FAILOVER_AWAITING_APPROVAL, Topics.FAILOVER,
            FailoverAwaitingApproval.class),
    FAILOVER_APPROVED(EventTypes.FAILOVER_APPROVED, Topics.FAILOVER, FailoverApproved.class),
    FAILOVER_STEP(EventTypes.FAILOVER_STEP, Topics.FAILOVER, FailoverStep.class),
    FAILOVER_COMPLETED(EventTypes.FAILOVER_COMPLETED, Topics.FAILOVER, FailoverCompleted.class),
    FAILOVER_FAILED(EventTypes.FAILOVER_FAILED, Topics.FAILOVER, FailoverFailed.class),
    FAILOVER_ABORTED(EventTypes.FAILOVER_ABORTED, Topics.FAILOVER, FailoverAborted.class),
    FAILOVER_QUORUM_INCOMPLETE(EventTypes.FAILOVER_QUORUM_INCOMPLETE, Topics.FAILOVER,
            FailoverQuorumIncomplete.class),
    DRILL_STARTED(EventTypes.DRILL_STARTED, Topics.FAILOVER, DrillStarted.class),
    DRILL_COMPLETED(EventTypes.DRILL_COMPLETED, Topics.FAILOVER, DrillCompleted.class);

    /** Classpath folder of the JSON Schemas, one {@code <type>.schema.json} per type. */
    public static final String SCHEMA_FOLDER = "schemas/";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, t -> t));
    private static final Map<Class<?>, EventType> BY_CLASS = Collections.unmodifiableMap(byClass());

    private final String type;
    private final String topic;
    private final Class<? extends PraEvent> recordClass;

    EventType(String type, String topic, Class<? extends PraEvent> recordClass) {
        this.type = type;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    /** CloudEvents {@code type}, e.g. {@code pra.site.down}. */
    public String type() {
        return type;
    }

    /** Kafka topic the type is published on. */
    public String topic() {
        return topic;
    }

    /** Java record that carries the payload. */
    public Class<? extends PraEvent> recordClass() {
        return recordClass;
    }

    /** Classpath resource of the payload's JSON Schema. */
    public String schemaResource() {
        return SCHEMA_FOLDER + type + ".schema.json";
    }

    /** The type for a type string, or empty for a type this version does not know. */
    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The type for a type string; an unknown one is an {@link UnknownEventTypeException}. */
    public static EventType of(String type) {
        return find(type).orElseThrow(() -> new UnknownEventTypeException(type));
    }

    /** The type whose payload record is {@code recordClass}. */
    public static EventType of(Class<? extends PraEvent> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a registered event record");
        }
        return type;
    }

    /** The type of an event payload. */
    public static EventType of(PraEvent event) {
        return of(event.getClass());
    }

    private static Map<Class<?>, EventType> byClass() {
        Map<Class<?>, EventType> map = new HashMap<>();
        for (EventType type : values()) {
            if (map.put(type.recordClass, type) != null) {
                throw new ExceptionInInitializerError(type.recordClass + " is registered twice");
            }
        }
        return map;
    }
}
