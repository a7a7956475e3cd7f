package io.pra.notifier.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.pra.notifier.domain.DeliveryStatus;

/** One (event, channel) delivery and its progress; the payload is kept so a restart can still send it. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(nullable = false)
    public String site;

    @Column(nullable = false)
    public String severity;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(nullable = false)
    public String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "group_key")
    public String groupKey;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
