package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.pra.events.CloudEventAttributes;
import io.pra.events.PraEvent;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.events.signing.EventSignature;
import io.pra.events.signing.EventSignatures;

/**
 * Decides whether a vote record may count (DESIGN section 5, point 1). A vote is admitted only if it is signed by a
 * configured key of the observer it names, its CloudEvent source is that observer's, it carries a boot id, it is not
 * dated in the future beyond the allowed skew, it is still fresh by event time when it arrives, and its sequence is
 * above the last one accepted for that observer and boot. Anything else is rejected with its reason: rejections are
 * counted and audited, never fatal.
 *
 * <p>A vote's event time is the earlier of the broker's append time and the observer's own (signed) time plus the
 * allowed skew. The broker's time alone would not do: a record republished later gets a new append time, so an old
 * signed vote replayed from the topic's history would look fresh. The observer's time alone would not either: it
 * could claim any time. Bounded together, a lagging consumer, a replay and a clock within the skew all age the vote
 * as they should; an observer whose clock is slower than the skew sees its votes age early (its offset is exported),
 * and one faster than the skew is refused.
 */
public final class VoteAdmission {

    /** The source an observer's events carry: {@code /pra/health-service/<observerId>}. */
    public static final String SOURCE_PREFIX = "/pra/health-service/";

    /** Why a vote does not count. */
    public enum Rejection {
        /** No signature at all (e.g. an observer older than signed votes, or a forger without a key). */
        UNSIGNED,
        /** Signature headers, boot id or payload not usable. */
        MALFORMED,
        /** The vote names an observer the site does not have. */
        UNKNOWN_OBSERVER,
        /** Signed by a key no observer has. */
        UNKNOWN_KEY,
        /** Signed by another observer's key: one observer voting as another. */
        FOREIGN_KEY,
        /** The signature does not match the event (forged or altered). */
        BAD_SIGNATURE,
        /** The CloudEvent source is not the observer's. */
        SOURCE_MISMATCH,
        /** Dated later than the broker's time plus the allowed skew. */
        FUTURE,
        /** Older than its TTL by event time when it arrived (consumer lag, downtime, a replay of history). */
        STALE,
        /** Its sequence is not above the last accepted for that observer and boot: a replay. */
        REPLAYED;

        /** The metric and audit label, e.g. {@code foreign-key}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A vote record as consumed.
     *
     * @param attributes       its CloudEvents attributes
     * @param data             its value, the bytes the signature covers
     * @param signature        its signature, empty when unsigned
     * @param signatureProblem why its signature headers are unusable (half a signature, not base64url), else null
     * @param event            the decoded {@code pra.site.down} or {@code pra.site.up}
     * @param brokerTime       the record's timestamp as the broker appended it
     * @param receivedAt       when this service read it, on its own clock
     */
    public record Candidate(CloudEventAttributes attributes, byte[] data, Optional<EventSignature> signature,
            String signatureProblem, PraEvent event, Instant brokerTime, Instant receivedAt) {

        public Candidate {
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(brokerTime, "brokerTime");
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (!(event instanceof SiteDown) && !(event instanceof SiteUp)) {
                throw new IllegalArgumentException("not a vote: " + event);
            }
        }

        /** The observer the vote names. */
        public String observerId() {
            return event instanceof SiteDown down ? down.observerId() : ((SiteUp) event).observerId();
        }
    }

    /** What admission decided. */
    public sealed interface Verdict {

        /** The vote counts. */
        record Admitted(Vote vote) implements Verdict {
        }

        /** The vote does not count, because of {@code reason}. */
        record Rejected(Rejection reason, String detail) implements Verdict {
        }
    }

    private final ObserverKeys keys;
    private final QuorumPolicy policy;
    private final Duration allowedSkew;

    public VoteAdmission(ObserverKeys keys, QuorumPolicy policy, Duration allowedSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
    }

    /**
     * Admits or rejects {@code candidate} arriving at {@code now}; {@code lastSequenceOfBoot} is the last sequence
     * accepted from the named observer's boot, empty when none was.
     */
    public Verdict admit(Candidate candidate, Instant now, OptionalLong lastSequenceOfBoot) {
        String observer = candidate.observerId();
        if (candidate.signatureProblem() != null) {
            return rejected(Rejection.MALFORMED, candidate.signatureProblem());
        }
        if (candidate.signature().isEmpty()) {
            return rejected(Rejection.UNSIGNED, "vote claiming " + observer + " carries no signature");
        }
        if (!policy.knows(observer)) {
            return rejected(Rejection.UNKNOWN_OBSERVER, "observer " + observer + " is not configured");
        }
        EventSignature signature = candidate.signature().get();
        Optional<ObserverKeys.Key> key = keys.byId(signature.keyId());
        if (key.isEmpty()) {
            return rejected(Rejection.UNKNOWN_KEY, "vote claiming " + observer + " is signed by unknown key "
                    + signature.keyId());
        }
        if (!key.get().observerId().equals(observer)) {
            return rejected(Rejection.FOREIGN_KEY, "vote claiming " + observer + " is signed by "
                    + key.get().observerId() + "'s key " + signature.keyId());
        }
        if (!EventSignatures.verify(key.get().publicKey(), candidate.attributes(), candidate.data(), signature)) {
            return rejected(Rejection.BAD_SIGNATURE, "vote claiming " + observer + " does not match its signature");
        }
        if (!(SOURCE_PREFIX + observer).equals(candidate.attributes().source())) {
            return rejected(Rejection.SOURCE_MISMATCH, "vote of " + observer + " has source "
                    + candidate.attributes().source());
        }
        Vote vote = vote(candidate, allowedSkew);
        if (vote == null) {
            return rejected(Rejection.MALFORMED, "vote of " + observer + " has no boot id");
        }
        if (vote.observedAt() != null && vote.observedAt().isAfter(candidate.brokerTime().plus(allowedSkew))) {
            return rejected(Rejection.FUTURE, "vote of " + observer + " is dated " + vote.observedAt()
                    + ", more than " + allowedSkew + " after the broker's " + candidate.brokerTime());
        }
        if (!vote.isFreshAt(now, policy.voteTtl())) {
            return rejected(Rejection.STALE, "vote of " + observer + " from " + vote.eventTime() + " is older than "
                    + vote.effectiveTtl(policy.voteTtl()) + " at " + now);
        }
        if (lastSequenceOfBoot.isPresent() && vote.sequence() <= lastSequenceOfBoot.getAsLong()) {
            return rejected(Rejection.REPLAYED, "vote of " + observer + " boot " + vote.bootId() + " has sequence "
                    + vote.sequence() + ", not above the last accepted " + lastSequenceOfBoot.getAsLong());
        }
        return new Verdict.Admitted(vote);
    }

    /** The vote a candidate carries, with its event time; null without a boot id. */
    private static Vote vote(Candidate candidate, Duration skew) {
        Instant brokerTime = candidate.brokerTime();
        if (candidate.event() instanceof SiteDown down) {
            return down.bootId() == null || down.bootId().isBlank() ? null
                    : new Vote(down.observerId(), down.bootId(), down.sequence(), true, down.observedAt(),
                            brokerTime, eventTime(brokerTime, down.observedAt(), skew), candidate.receivedAt(),
                            down.firstFailedAt(), down.voteTtl());
        }
        SiteUp up = (SiteUp) candidate.event();
        return up.bootId() == null || up.bootId().isBlank() ? null
                : new Vote(up.observerId(), up.bootId(), up.sequence(), false, up.observedAt(), brokerTime,
                        eventTime(brokerTime, up.observedAt(), skew), candidate.receivedAt(), up.firstFailedAt(),
                        up.voteTtl());
    }

    /** The earlier of the broker's append time and the observer's own time plus the allowed skew. */
    static Instant eventTime(Instant brokerTime, Instant observedAt, Duration skew) {
        if (observedAt == null) {
            return brokerTime;
        }
        Instant observerBound = observedAt.plus(skew);
        return observerBound.isBefore(brokerTime) ? observerBound : brokerTime;
    }

    private static Verdict rejected(Rejection reason, String detail) {
        return new Verdict.Rejected(reason, detail);
    }
}
