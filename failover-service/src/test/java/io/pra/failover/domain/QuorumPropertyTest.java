package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property-style checks with seeded random histories (the seed is the repetition number, so a
 * failure replays): observers fewer than the quorum, whatever they send, never make a quorum.
 */
class QuorumPropertyTest {

    @RepeatedTest(300)
    void oneLyingObserverNeverReachesQuorumAlone(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        QuorumPolicy policy = randomPolicy(random);
        List<String> observers = new ArrayList<>(policy.observers());
        String liar = observers.get(random.nextInt(observers.size()));
        QuorumTally tally = new QuorumTally(policy);

        Instant now = T0;
        for (int step = 0; step < 200; step++) {
            now = now.plusMillis(random.nextInt(5_000));
            String honest = observers.get(random.nextInt(observers.size()));
            if (!honest.equals(liar) && random.nextBoolean()) {
                tally.accept(new Vote(honest, step, false, now, now, null, policy.voteTtl()));
            }
            tally.accept(lie(random, liar, now));
            tally.accept(lie(random, "spoofed-" + random.nextInt(5), now));

            assertThat(tally.evaluate(now.plusMillis(random.nextInt(60_000))).reached())
                    .as("seed %d, step %d", repetition.getCurrentRepetition(), step).isFalse();
        }
    }

    @RepeatedTest(200)
    void fewerObserversThanTheQuorumNeverReachIt(RepetitionInfo repetition) {
        Random random = new Random(10_000L + repetition.getCurrentRepetition());
        QuorumPolicy policy = randomPolicy(random);
        List<String> observers = new ArrayList<>(policy.observers());
        Set<String> voters = new LinkedHashSet<>();
        while (voters.size() < policy.quorum() - 1) {
            voters.add(observers.get(random.nextInt(observers.size())));
        }
        QuorumTally tally = new QuorumTally(policy);

        Instant now = T0;
        for (int step = 0; step < 100; step++) {
            now = now.plusMillis(random.nextInt(2_000));
            for (String voter : voters) {
                tally.accept(lie(random, voter, now));
            }
            assertThat(tally.evaluate(now).reached()).isFalse();
        }
    }

    private static QuorumPolicy randomPolicy(Random random) {
        int size = 2 + random.nextInt(6);
        Set<String> observers = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            observers.add("obs-" + i);
        }
        int quorum = 2 + random.nextInt(size - 1);
        return new QuorumPolicy(observers, quorum, Duration.ofSeconds(1 + random.nextInt(60)));
    }

    /** Anything an observer might send: any sequence, any direction, any claimed times and TTL. */
    private static Vote lie(Random random, String observer, Instant receivedAt) {
        Instant claimed = receivedAt.plusSeconds(random.nextInt(7_200) - 3_600);
        Duration ttl = Duration.ofSeconds(random.nextInt(100_000) - 10);
        long sequence = random.nextBoolean() ? random.nextLong() : random.nextInt(1_000);
        return new Vote(observer, sequence, random.nextInt(4) > 0, claimed, receivedAt, claimed, ttl);
    }
}
