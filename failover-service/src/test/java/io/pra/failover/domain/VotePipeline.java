package io.pra.failover.domain;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.pra.events.CloudEventAttributes;
import io.pra.events.EventJson;
import io.pra.events.EventTypes;
import io.pra.events.PraEvent;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.events.signing.EventSignature;
import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;

/**
 * What failover-service does with a vote record, without a database: admission (signature, source, skew, freshness,
 * replay against the last sequence per observer and boot), then the tally. The domain tests play honest observers,
 * attackers and the network against it, record by record.
 */
final class VotePipeline {

    /** A vote record as it travels: attributes, the bytes the signature covers, its signature, the event. */
    record VoteRecord(CloudEventAttributes attributes, byte[] data, Optional<EventSignature> signature,
            PraEvent event) {
    }

    static final String SITE = "a";

    private final QuorumPolicy policy;
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final VoteAdmission admission;
    private final QuorumTally tally;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final List<VoteAdmission.Rejection> rejections = new ArrayList<>();

    VotePipeline(QuorumPolicy policy, Duration allowedSkew) {
        this.policy = policy;
        Map<String, List<PublicKey>> publicKeys = new LinkedHashMap<>();
        for (String observer : policy.observers()) {
            KeyPair pair = SigningKeys.generate();
            keys.put(observer, pair);
            publicKeys.put(observer, List.of(pair.getPublic()));
        }
        this.admission = new VoteAdmission(new ObserverKeys(publicKeys), policy, allowedSkew);
        this.tally = new QuorumTally(policy);
    }

    /** The key pair of an observer (an attacker who compromised it has it). */
    KeyPair keyOf(String observer) {
        return keys.get(observer);
    }

    /** A vote record of {@code observer}, signed with {@code signer} (null: unsigned), from {@code source}. */
    static VoteRecord record(String observer, String bootId, long sequence, boolean down, Instant observedAt,
            Instant firstFailedAt, Duration ttl, KeyPair signer, String source) {
        PraEvent event = down
                ? new SiteDown(SITE, observer, "zone", observedAt, firstFailedAt, sequence,
                        List.of(new FailingCheck("api", CheckKind.KUBERNETES_API,
                                new CheckEvidence(null, Duration.ofMillis(5), "connection refused", null))), ttl, bootId)
                : new SiteUp(SITE, observer, "zone", observedAt, firstFailedAt, sequence, List.of(), ttl, bootId);
        CloudEventAttributes attributes = new CloudEventAttributes(UUID.randomUUID().toString(), source,
                down ? EventTypes.SITE_DOWN : EventTypes.SITE_UP, SITE, observedAt, CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.DATA_CONTENT_TYPE);
        byte[] data = json(event);
        return new VoteRecord(attributes, data,
                signer == null ? Optional.empty() : Optional.of(new EventSigner(signer).sign(attributes, data)), event);
    }

    /** The record's value: the event as JSON (the domain reads no bytes, it only checks the signature over them). */
    private static byte[] json(PraEvent event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An honest observer's own record: its key, its source. */
    VoteRecord honest(String observer, String bootId, long sequence, boolean down, Instant observedAt,
            Instant firstFailedAt) {
        return record(observer, bootId, sequence, down, observedAt, firstFailedAt, policy.voteTtl(),
                keys.get(observer), VoteAdmission.SOURCE_PREFIX + observer);
    }

    /** Delivers a record the broker appended at {@code brokerTime}, read at {@code now}; what admission said. */
    VoteAdmission.Verdict deliver(VoteRecord record, Instant brokerTime, Instant now) {
        VoteAdmission.Candidate candidate = new VoteAdmission.Candidate(record.attributes(), record.data(),
                record.signature(), null, record.event(), brokerTime, now);
        String boot = record.event() instanceof SiteDown down ? down.bootId() : ((SiteUp) record.event()).bootId();
        String key = candidate.observerId() + "|" + boot;
        OptionalLong last = lastSequence.containsKey(key) ? OptionalLong.of(lastSequence.get(key))
                : OptionalLong.empty();
        VoteAdmission.Verdict verdict = admission.admit(candidate, now, last);
        if (verdict instanceof VoteAdmission.Verdict.Admitted admitted) {
            Vote vote = admitted.vote();
            lastSequence.merge(vote.observerId() + "|" + vote.bootId(), vote.sequence(), Math::max);
            tally.accept(vote);
        } else {
            rejections.add(((VoteAdmission.Verdict.Rejected) verdict).reason());
        }
        return verdict;
    }

    Quorum quorum(Instant now) {
        return tally.evaluate(now);
    }

    List<VoteAdmission.Rejection> rejections() {
        return rejections;
    }
}
