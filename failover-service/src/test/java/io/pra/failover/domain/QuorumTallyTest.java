package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.BOOT;
import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.down;
import static io.pra.failover.domain.DomainFixtures.majorityOfThree;
import static io.pra.failover.domain.DomainFixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuorumTallyTest {

    private final QuorumTally tally = new QuorumTally(majorityOfThree());

    @Test
    void twoOfThreeFreshDownVotesMakeAQuorum() {
        tally.accept(down("obs-a", 1, T0));
        tally.accept(down("obs-b", 1, T0.plusSeconds(1)));

        Quorum quorum = tally.evaluate(T0.plusSeconds(2));

        assertThat(quorum.reached()).isTrue();
        assertThat(quorum.required()).isEqualTo(2);
        assertThat(quorum.downVotes()).extracting(Vote::observerId).containsExactly("obs-a", "obs-b");
    }

    @Test
    void oneDownVoteIsNotAQuorumWhateverItsSequence() {
        for (long sequence = 1; sequence <= 50; sequence++) {
            tally.accept(down("obs-a", sequence, T0.plusSeconds(sequence)));
        }
        tally.accept(up("obs-b", 7, T0));

        assertThat(tally.evaluate(T0.plusSeconds(50)).reached()).isFalse();
    }

    @Test
    void votesOlderThanTheTtlByEventTimeDoNotCount() {
        tally.accept(down("obs-a", 1, T0));
        tally.accept(down("obs-b", 1, T0.plusSeconds(20)));

        assertThat(tally.evaluate(T0.plusSeconds(29)).reached()).isTrue();
        assertThat(tally.evaluate(T0.plusSeconds(30)).reached()).isFalse();
        assertThat(tally.evaluate(T0.plusSeconds(30)).downVotes()).extracting(Vote::observerId)
                .containsExactly("obs-b");
    }

    @Test
    void theEventTimeAgesAVoteNotTheObserversClock() {
        Instant skewed = T0.minus(Duration.ofHours(3));
        tally.accept(new Vote("obs-a", BOOT, 1, true, skewed, T0, T0, T0, skewed, DomainFixtures.TTL));
        tally.accept(down("obs-c", 1, T0));

        assertThat(tally.evaluate(T0.plusSeconds(10)).reached()).isTrue();
    }

    @Test
    void aVoteReceivedLateCountsFromItsEventTimeNotFromItsReception() {
        Instant appended = T0;
        tally.accept(new Vote("obs-a", BOOT, 1, true, appended, appended, appended, T0.plusSeconds(300), appended,
                DomainFixtures.TTL));
        tally.accept(down("obs-c", 1, T0.plusSeconds(300)));

        assertThat(tally.evaluate(T0.plusSeconds(301)).reached()).as("a lagging consumer's old vote").isFalse();
    }

    @Test
    void anObserverCannotStretchItsVoteBeyondTheSiteTtl() {
        tally.accept(new Vote("obs-a", BOOT, 1, true, T0, T0, T0, T0, T0, Duration.ofDays(1)));
        tally.accept(down("obs-b", 1, T0.plusSeconds(40)));

        assertThat(tally.evaluate(T0.plusSeconds(41)).reached()).isFalse();
    }

    @Test
    void aShorterObserverTtlIsHonoured() {
        tally.accept(new Vote("obs-a", BOOT, 1, true, T0, T0, T0, T0, T0, Duration.ofSeconds(5)));
        tally.accept(down("obs-b", 1, T0));

        assertThat(tally.evaluate(T0.plusSeconds(4)).reached()).isTrue();
        assertThat(tally.evaluate(T0.plusSeconds(6)).reached()).isFalse();
    }

    @Test
    void withinABootTheLatestVoteBySequenceWinsNotTheLatestReceived() {
        assertThat(tally.accept(down("obs-a", 5, T0))).isEqualTo(VoteOutcome.RECORDED);
        assertThat(tally.accept(up("obs-a", 4, T0.plusSeconds(1)))).isEqualTo(VoteOutcome.OUT_OF_ORDER);
        assertThat(tally.accept(down("obs-a", 5, T0.plusSeconds(1)))).isEqualTo(VoteOutcome.OUT_OF_ORDER);
        tally.accept(down("obs-b", 1, T0));

        assertThat(tally.evaluate(T0.plusSeconds(2)).reached()).isTrue();
    }

    @Test
    void anUpVoteWithdrawsTheObserversDownVote() {
        tally.accept(down("obs-a", 1, T0));
        tally.accept(down("obs-b", 1, T0));
        tally.accept(up("obs-b", 2, T0.plusSeconds(1)));

        assertThat(tally.evaluate(T0.plusSeconds(2)).reached()).isFalse();
    }

    @Test
    void unknownObserversAreRejectedAndNeverCount() {
        assertThat(tally.accept(down("intruder", 1, T0))).isEqualTo(VoteOutcome.UNKNOWN_OBSERVER);
        assertThat(tally.accept(down("obs-x", 1, T0))).isEqualTo(VoteOutcome.UNKNOWN_OBSERVER);
        tally.accept(down("obs-a", 1, T0));

        assertThat(tally.evaluate(T0.plusSeconds(1)).reached()).isFalse();
        assertThat(tally.latestVotes()).extracting(Vote::observerId).containsExactly("obs-a");
    }

    @Test
    void acrossBootsTheLaterEventTimeWins() {
        tally.accept(down("obs-a", 900, T0));
        Vote restarted = new Vote("obs-a", "boot-2", 3, false, T0.plusSeconds(2), T0.plusSeconds(2),
                T0.plusSeconds(2), T0.plusSeconds(2), null, DomainFixtures.TTL);
        Vote olderBoot = new Vote("obs-a", "boot-0", 5_000, true, T0.minusSeconds(1), T0.minusSeconds(1),
                T0.minusSeconds(1), T0.plusSeconds(3), T0.minusSeconds(6), DomainFixtures.TTL);

        assertThat(tally.accept(restarted)).isEqualTo(VoteOutcome.RECORDED);
        assertThat(tally.accept(olderBoot)).isEqualTo(VoteOutcome.OUT_OF_ORDER);
        assertThat(tally.latestVotes()).singleElement().isEqualTo(restarted);
    }

    @Test
    void disasterStartIsTheQuorumThEarliestFirstFailureSoOneSlowClockCannotMoveIt() {
        tally.accept(down("obs-a", 1, T0, T0.minus(Duration.ofMinutes(30))));
        tally.accept(down("obs-b", 1, T0, T0.minusSeconds(40)));
        tally.accept(down("obs-c", 1, T0, T0.minusSeconds(12)));

        Quorum quorum = tally.evaluate(T0.plusSeconds(1));

        assertThat(quorum.downVotes()).extracting(Vote::observerId).containsExactly("obs-a", "obs-b", "obs-c");
        assertThat(quorum.disasterStart()).contains(T0.minusSeconds(40));
    }

    @Test
    void observersOfOneFailureDomainAreNotAQuorumAloneTheQuorumIsIncomplete() {
        QuorumPolicy twoOnSiteB = QuorumPolicy.majority(Map.of("obs-a", "site-a", "obs-b1", "site-b", "obs-b2",
                "site-b"), 2, DomainFixtures.TTL);
        QuorumTally siteB = new QuorumTally(twoOnSiteB);
        siteB.accept(down("obs-b1", 1, T0));
        siteB.accept(down("obs-b2", 1, T0));

        Quorum cut = siteB.evaluate(T0.plusSeconds(1));
        assertThat(cut.reached()).isFalse();
        assertThat(cut.incomplete()).isTrue();
        assertThat(cut.domains()).containsExactly("site-b");
        assertThat(cut.disasterStart()).isEmpty();

        siteB.accept(down("obs-a", 1, T0.plusSeconds(1)));
        Quorum loss = siteB.evaluate(T0.plusSeconds(2));
        assertThat(loss.reached()).isTrue();
        assertThat(loss.incomplete()).isFalse();
        assertThat(loss.domains()).containsExactlyInAnyOrder("site-a", "site-b");
    }

    @Test
    void aTallyRebuiltFromStoredVotesDecidesTheSame() {
        List<Vote> stored = List.of(down("obs-a", 3, T0), down("obs-c", 9, T0));

        QuorumTally rebuilt = QuorumTally.of(majorityOfThree(), stored);

        assertThat(rebuilt.evaluate(T0.plusSeconds(1)).reached()).isTrue();
        assertThat(rebuilt.accept(up("obs-c", 9, T0))).isEqualTo(VoteOutcome.OUT_OF_ORDER);
    }

    @Test
    void aQuorumOfOneIsRefusedSoNoSingleObserverCanDecide() {
        assertThatThrownBy(() -> new QuorumPolicy(Map.of("obs-a", "x", "obs-b", "y"), 1, 1, DomainFixtures.TTL))
                .hasMessageContaining("quorum must be between 2");
        assertThatThrownBy(() -> QuorumPolicy.majority(Map.of("obs-a", "x"), 1, DomainFixtures.TTL))
                .hasMessageContaining("at least two observers");
        assertThatThrownBy(() -> QuorumPolicy.majority(Map.of("obs-a", "x", "obs-b", "x"), 2, DomainFixtures.TTL))
                .hasMessageContaining("quorumDomains must be between 1 and the number of distinct failure domains");
        assertThat(QuorumPolicy.majorityOf(3)).isEqualTo(2);
        assertThat(QuorumPolicy.majorityOf(4)).isEqualTo(3);
        assertThat(QuorumPolicy.majorityOf(5)).isEqualTo(3);
    }
}
