package io.pra.failover.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event written in the transaction of its state change, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {

    /** The CloudEvents id. */
    @Id
    public UUID id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    public String type;

    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
