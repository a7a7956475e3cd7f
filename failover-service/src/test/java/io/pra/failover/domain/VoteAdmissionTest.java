package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.pra.events.signing.SigningKeys;
import io.pra.failover.domain.VoteAdmission.Rejection;

/** Each reason a vote record does not count, tried as an attacker or an unlucky network would. */
class VoteAdmissionTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final QuorumPolicy policy = QuorumPolicy.majority(
            Map.of("obs-a", "site-a", "obs-b", "site-b", "obs-c", "witness"), 2, TTL);
    private final VotePipeline pipeline = new VotePipeline(policy, SKEW);

    @Test
    void anHonestSignedVoteIsAdmittedWithItsBootAndEventTime() {
        VotePipeline.VoteRecord record = pipeline.honest("obs-a", "boot-1", 7, true, T0, T0.minusSeconds(5));

        VoteAdmission.Verdict verdict = pipeline.deliver(record, T0.plusMillis(20), T0.plusMillis(30));

        assertThat(verdict).isInstanceOfSatisfying(VoteAdmission.Verdict.Admitted.class, admitted -> {
            assertThat(admitted.vote().bootId()).isEqualTo("boot-1");
            assertThat(admitted.vote().sequence()).isEqualTo(7);
            assertThat(admitted.vote().eventTime()).isEqualTo(T0.plusMillis(20));
            assertThat(admitted.vote().clockOffset()).isEqualTo(Duration.ofMillis(-20));
        });
    }

    @Test
    void theOldUnsignedFormatIsRejected() {
        VotePipeline.VoteRecord unsigned = VotePipeline.record("obs-a", "boot-1", 1, true, T0, T0, TTL, null,
                VoteAdmission.SOURCE_PREFIX + "obs-a");

        assertThat(reason(pipeline.deliver(unsigned, T0, T0))).isEqualTo(Rejection.UNSIGNED);
    }

    @Test
    void oneObserverCannotVoteAsAnother() {
        VotePipeline.VoteRecord forged = VotePipeline.record("obs-b", "boot-1", 1, true, T0, T0, TTL,
                pipeline.keyOf("obs-a"), VoteAdmission.SOURCE_PREFIX + "obs-b");

        assertThat(reason(pipeline.deliver(forged, T0, T0))).isEqualTo(Rejection.FOREIGN_KEY);
    }

    @Test
    void aKeyNoObserverHasAndAnUnknownObserverAreRejected() {
        VotePipeline.VoteRecord stranger = VotePipeline.record("obs-a", "boot-1", 1, true, T0, T0, TTL,
                SigningKeys.generate(), VoteAdmission.SOURCE_PREFIX + "obs-a");
        VotePipeline.VoteRecord intruder = VotePipeline.record("obs-x", "boot-1", 1, true, T0, T0, TTL,
                pipeline.keyOf("obs-a"), VoteAdmission.SOURCE_PREFIX + "obs-x");

        assertThat(reason(pipeline.deliver(stranger, T0, T0))).isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(reason(pipeline.deliver(intruder, T0, T0))).isEqualTo(Rejection.UNKNOWN_OBSERVER);
    }

    @Test
    void anAlteredVoteNoLongerMatchesItsSignature() {
        VotePipeline.VoteRecord record = pipeline.honest("obs-a", "boot-1", 1, false, T0, null);
        byte[] altered = Arrays.copyOf(record.data(), record.data().length);
        String text = new String(altered).replace("\"sequence\":1", "\"sequence\":9");
        VotePipeline.VoteRecord tampered = new VotePipeline.VoteRecord(record.attributes(), text.getBytes(),
                record.signature(), record.event());

        assertThat(reason(pipeline.deliver(tampered, T0, T0))).isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    void aVoteFromAnotherSourceThanItsObserverIsRejected() {
        VotePipeline.VoteRecord record = VotePipeline.record("obs-a", "boot-1", 1, true, T0, T0, TTL,
                pipeline.keyOf("obs-a"), "/pra/backup-service/backup-1");

        assertThat(reason(pipeline.deliver(record, T0, T0))).isEqualTo(Rejection.SOURCE_MISMATCH);
    }

    @Test
    void aVoteWithoutBootIdOrWithHalfASignatureIsMalformed() {
        VotePipeline.VoteRecord noBoot = pipeline.honest("obs-a", null, 1, true, T0, T0);
        VotePipeline.VoteRecord record = pipeline.honest("obs-a", "boot-1", 1, true, T0, T0);
        VoteAdmission.Candidate halfSigned = new VoteAdmission.Candidate(record.attributes(), record.data(),
                Optional.empty(), "a signed event needs both ce_prakeyid and ce_prasignature", record.event(), T0, T0);

        assertThat(reason(pipeline.deliver(noBoot, T0, T0))).isEqualTo(Rejection.MALFORMED);
        assertThat(reason(new VoteAdmission(new ObserverKeys(Map.of()), policy, SKEW).admit(halfSigned, T0,
                OptionalLong.empty()))).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void aVoteDatedInTheFutureBeyondTheSkewIsRejectedWithinItAdmitted() {
        VotePipeline.VoteRecord ahead = pipeline.honest("obs-a", "boot-1", 1, true, T0.plusSeconds(31), T0);
        VotePipeline.VoteRecord slightlyAhead = pipeline.honest("obs-a", "boot-1", 2, true, T0.plusSeconds(29), T0);

        assertThat(reason(pipeline.deliver(ahead, T0, T0))).isEqualTo(Rejection.FUTURE);
        assertThat(pipeline.deliver(slightlyAhead, T0, T0)).isInstanceOf(VoteAdmission.Verdict.Admitted.class);
    }

    @Test
    void aVoteReadAfterItsTtlIsStaleWhateverTheConsumerLag() {
        VotePipeline.VoteRecord record = pipeline.honest("obs-a", "boot-1", 1, true, T0, T0);

        assertThat(reason(pipeline.deliver(record, T0, T0.plus(TTL)))).isEqualTo(Rejection.STALE);
    }

    @Test
    void anOldSignedVoteRepublishedNowIsStaleByItsOwnTime() {
        VotePipeline.VoteRecord old = pipeline.honest("obs-a", "boot-old", 1, true, T0.minus(Duration.ofDays(3)),
                T0.minus(Duration.ofDays(3)));

        assertThat(reason(pipeline.deliver(old, T0, T0))).as("the broker's append time is new, the vote is not")
                .isEqualTo(Rejection.STALE);
    }

    @Test
    void aReplayedSequenceOfTheSameBootIsRejectedEvenWhenStillFresh() {
        VotePipeline.VoteRecord first = pipeline.honest("obs-a", "boot-1", 5, true, T0, T0);
        VotePipeline.VoteRecord lower = pipeline.honest("obs-a", "boot-1", 3, false, T0, T0);
        VotePipeline.VoteRecord restarted = pipeline.honest("obs-a", "boot-2", 1, false, T0.plusSeconds(1), null);

        assertThat(pipeline.deliver(first, T0, T0)).isInstanceOf(VoteAdmission.Verdict.Admitted.class);
        assertThat(reason(pipeline.deliver(first, T0.plusSeconds(1), T0.plusSeconds(1))))
                .isEqualTo(Rejection.REPLAYED);
        assertThat(reason(pipeline.deliver(lower, T0.plusSeconds(1), T0.plusSeconds(1))))
                .isEqualTo(Rejection.REPLAYED);
        assertThat(pipeline.deliver(restarted, T0.plusSeconds(1), T0.plusSeconds(1)))
                .as("a new boot starts its own sequence").isInstanceOf(VoteAdmission.Verdict.Admitted.class);
    }

    @Test
    void theEventTimeIsTheEarlierOfTheBrokersAndTheObserversPlusTheSkew() {
        assertThat(VoteAdmission.eventTime(T0, T0.plusSeconds(10), SKEW)).isEqualTo(T0);
        assertThat(VoteAdmission.eventTime(T0, T0.minusSeconds(10), SKEW)).isEqualTo(T0);
        assertThat(VoteAdmission.eventTime(T0, T0.minusSeconds(90), SKEW)).isEqualTo(T0.minusSeconds(60));
        assertThat(VoteAdmission.eventTime(T0, null, SKEW)).isEqualTo(T0);
    }

    @Test
    void twoKeysPerObserverAreAcceptedDuringARotationAndAKeyIsNeverShared() {
        KeyPair old = SigningKeys.generate();
        KeyPair fresh = SigningKeys.generate();
        ObserverKeys keys = new ObserverKeys(Map.of("obs-a", List.of(old.getPublic(), fresh.getPublic())));

        assertThat(keys.byId(SigningKeys.keyId(old.getPublic()))).get().extracting(ObserverKeys.Key::observerId)
                .isEqualTo("obs-a");
        assertThat(keys.byId(SigningKeys.keyId(fresh.getPublic()))).isPresent();
        assertThatThrownBy(() -> new ObserverKeys(Map.of(
                "obs-a", List.of(old.getPublic()), "obs-b", List.of(old.getPublic()))))
                .hasMessageContaining("share the public key");
    }

    private static Rejection reason(VoteAdmission.Verdict verdict) {
        assertThat(verdict).isInstanceOf(VoteAdmission.Verdict.Rejected.class);
        return ((VoteAdmission.Verdict.Rejected) verdict).reason();
    }
}
