package io.pra.failover.persistence;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.pra.failover.domain.Vote;

/** The latest vote of one observer on one site. */
@Entity
@Table(name = "site_vote")
public class VoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "observer_id")
    public String observerId;

    @Column(name = "boot_id")
    public String bootId;

    public long sequence;

    public boolean down;

    @Column(name = "observed_at")
    public Instant observedAt;

    @Column(name = "broker_time")
    public Instant brokerTime;

    @Column(name = "event_time")
    public Instant eventTime;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "first_failed_at")
    public Instant firstFailedAt;

    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    @Column(name = "vote_ttl")
    public Duration voteTtl;

    public Vote toVote() {
        return new Vote(observerId, bootId, sequence, down, observedAt, brokerTime, eventTime, receivedAt, firstFailedAt,
                voteTtl);
    }

    /** Copies {@code vote} into this row. */
    public void set(Vote vote) {
        observerId = vote.observerId();
        bootId = vote.bootId();
        sequence = vote.sequence();
        down = vote.down();
        observedAt = vote.observedAt();
        brokerTime = vote.brokerTime();
        eventTime = vote.eventTime();
        receivedAt = vote.receivedAt();
        firstFailedAt = vote.firstFailedAt();
        voteTtl = vote.ttl();
    }
}
