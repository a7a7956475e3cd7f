package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import io.pra.events.signing.SigningKeys;

/**
 * Property checks with seeded random histories (the seed is the repetition number, so a failure replays), through
 * admission and tally as failover-service runs them ({@link VotePipeline}). Every record is really signed and
 * verified (Ed25519 from the JDK, about a millisecond each), which bounds how many histories the test command can
 * afford: 40 adversarial ones of 60 steps, and the randomized campaign ({@code pra chaos}) plays the rest end to end. The adversary is not an honest observer
 * with bad luck: it holds the keys of every observer of one failure domain (a compromised site, or an A–B link cut
 * that leaves one site's observers seeing the other down) and, with them or without, forges votes for anyone,
 * replays any record it ever saw (republished, or re-read by a lagging consumer), lies about times, sequences, boots
 * and TTLs, while the other domains' observers see the site up, restart, or go silent.
 */
class QuorumPropertyTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    @RepeatedTest(40)
    void oneFailureDomainNeverMakesAQuorumAloneWhateverItSendsOrReplays(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        QuorumPolicy policy = randomPolicy(random);
        VotePipeline pipeline = new VotePipeline(policy, SKEW);
        List<String> observers = new ArrayList<>(policy.observers());
        String attacked = policy.domainOf(observers.get(random.nextInt(observers.size())));
        List<String> owned = observers.stream().filter(o -> policy.domainOf(o).equals(attacked)).toList();
        List<String> honest = observers.stream().filter(o -> !owned.contains(o)).toList();
        List<VotePipeline.VoteRecord> seen = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        Map<String, String> boots = new HashMap<>();
        KeyPair stranger = SigningKeys.generate();

        // Two hours ago the site really was lost: every observer voted it down, then up. Those signed records stay
        // on the topic for the adversary to replay.
        Instant outage = T0.minus(Duration.ofHours(2));
        for (String observer : observers) {
            boots.put(observer, "boot-old-" + observer);
            seen.add(send(pipeline, observer, boots, sequences, true, outage, outage.minusSeconds(5), outage));
        }
        for (String observer : observers) {
            seen.add(send(pipeline, observer, boots, sequences, false, outage.plusSeconds(60), null,
                    outage.plusSeconds(60)));
        }

        Instant now = T0;
        for (int step = 0; step < 60; step++) {
            now = now.plusMillis(random.nextInt(5_000));
            for (String observer : honest) {
                int fate = random.nextInt(10);
                if (fate == 0) {
                    boots.put(observer, "boot-" + step + "-" + observer);
                    sequences.put(observer, 0L);
                }
                if (fate < 3) {
                    seen.add(send(pipeline, observer, boots, sequences, false, now, null, now));
                }
            }
            for (int attack = 0; attack < 1 + random.nextInt(3); attack++) {
                VotePipeline.VoteRecord record = attack(random, policy, pipeline, owned, honest, seen, stranger, now);
                Instant appended = random.nextInt(5) == 0 ? now.minusSeconds(random.nextInt(7_200)) : now;
                pipeline.deliver(record, appended, now);
                seen.add(record);
                assertThat(pipeline.quorum(now).reached())
                        .as("seed %d, step %d: domain %s (observers %s) made a quorum alone",
                                repetition.getCurrentRepetition(), step, attacked, owned)
                        .isFalse();
            }
        }
    }

    @RepeatedTest(50)
    void anHonestQuorumIsReachedAndOneBadClockCannotMoveTheDisasterStart(RepetitionInfo repetition) {
        Random random = new Random(50_000L + repetition.getCurrentRepetition());
        QuorumPolicy policy = QuorumPolicy.majority(Map.of("obs-a", "site-a", "obs-b", "site-b", "obs-c", "witness"),
                2, Duration.ofSeconds(30));
        VotePipeline pipeline = new VotePipeline(policy, SKEW);
        String badClock = List.of("obs-a", "obs-b", "obs-c").get(random.nextInt(3));
        Duration offset = Duration.ofSeconds(random.nextInt(3_601) - 1_800);
        Instant lost = T0;
        Map<String, Instant> firstFailed = new TreeMap<>();
        Map<String, Long> sequences = new HashMap<>();
        Map<String, String> boots = new HashMap<>();
        Instant now = lost;
        for (int round = 0; round < 5; round++) {
            now = now.plusSeconds(2);
            for (String observer : policy.observers()) {
                Duration skew = observer.equals(badClock) ? offset : Duration.ZERO;
                Instant failed = firstFailed.computeIfAbsent(observer,
                        o -> lost.plusMillis(random.nextInt(3_000)).plus(skew));
                boots.putIfAbsent(observer, "boot-" + observer);
                send(pipeline, observer, boots, sequences, true, now.plus(skew), failed, now);
            }
        }

        Quorum quorum = pipeline.quorum(now);
        assertThat(quorum.reached()).as("seed %d, %s off by %s", repetition.getCurrentRepetition(), badClock, offset)
                .isTrue();
        assertThat(quorum.disasterStart()).get().satisfies(start -> assertThat(start)
                .isBetween(lost, lost.plusSeconds(3)));
    }

    /** One honest observer's signed vote, appended and delivered at {@code now}. */
    private static VotePipeline.VoteRecord send(VotePipeline pipeline, String observer, Map<String, String> boots,
            Map<String, Long> sequences, boolean down, Instant observedAt, Instant firstFailedAt, Instant now) {
        long sequence = sequences.merge(observer, 1L, Long::sum);
        VotePipeline.VoteRecord record = pipeline.honest(observer, boots.get(observer), sequence, down, observedAt,
                firstFailedAt);
        pipeline.deliver(record, now, now);
        return record;
    }

    /** One adversarial record: a vote of a compromised observer, a forgery, or a replay. */
    private static VotePipeline.VoteRecord attack(Random random, QuorumPolicy policy, VotePipeline pipeline,
            List<String> owned, List<String> honest, List<VotePipeline.VoteRecord> seen, KeyPair stranger,
            Instant now) {
        int kind = random.nextInt(5);
        if (kind == 0 && !seen.isEmpty()) {
            return seen.get(random.nextInt(seen.size()));
        }
        String observer = kind <= 2 || honest.isEmpty() ? owned.get(random.nextInt(owned.size()))
                : honest.get(random.nextInt(honest.size()));
        KeyPair signer = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> stranger;
            default -> pipeline.keyOf(owned.get(random.nextInt(owned.size())));
        };
        String source = random.nextBoolean() ? VoteAdmission.SOURCE_PREFIX + observer
                : VoteAdmission.SOURCE_PREFIX + owned.get(0);
        Instant claimed = now.plusSeconds(random.nextInt(7_200) - 3_600);
        long sequence = random.nextBoolean() ? random.nextLong() & Long.MAX_VALUE : random.nextInt(1_000);
        Duration ttl = Duration.ofSeconds(random.nextInt(100_000));
        return VotePipeline.record(observer, "boot-" + random.nextInt(3), sequence, random.nextInt(4) > 0, claimed,
                claimed.minusSeconds(random.nextInt(600)), ttl, signer, source);
    }

    /** 3 to 6 observers in 2 to 4 failure domains (each with at least one), quorum 2 to n, 2 domains needed. */
    private static QuorumPolicy randomPolicy(Random random) {
        int size = 3 + random.nextInt(4);
        int domainCount = 2 + random.nextInt(Math.min(3, size - 1));
        Map<String, String> domains = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            domains.put("obs-" + i, "domain-" + (i < domainCount ? i : random.nextInt(domainCount)));
        }
        int quorum = 2 + random.nextInt(size - 1);
        return new QuorumPolicy(domains, quorum, 2, Duration.ofSeconds(5 + random.nextInt(56)));
    }
}
