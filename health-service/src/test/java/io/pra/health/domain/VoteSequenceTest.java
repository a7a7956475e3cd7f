package io.pra.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VoteSequenceTest {

    @Test
    void growsWithinALifeEvenWhenTheClockStandsStill() {
        VoteSequence sequence = new VoteSequence(Clock.fixed(DomainFixtures.T0, ZoneOffset.UTC));
        long first = sequence.next();
        assertThat(sequence.next()).isEqualTo(first + 1);
        assertThat(sequence.next()).isEqualTo(first + 2);
    }

    @Test
    void aRestartedObserverStartsAboveEverythingItSentBefore() {
        VoteSequence before = new VoteSequence(Clock.fixed(DomainFixtures.T0, ZoneOffset.UTC));
        long last = 0;
        for (int vote = 0; vote < 500; vote++) {
            last = before.next();
        }
        Instant restart = DomainFixtures.T0.plus(Duration.ofSeconds(1));
        VoteSequence after = new VoteSequence(Clock.fixed(restart, ZoneOffset.UTC));
        assertThat(after.next()).isGreaterThan(last).isEqualTo(restart.toEpochMilli());
    }

    @Test
    void eachStartDrawsItsOwnBootIdAndKeepsItForEveryVote() {
        Clock clock = Clock.fixed(DomainFixtures.T0, ZoneOffset.UTC);
        VoteSequence first = new VoteSequence(clock);
        VoteSequence second = new VoteSequence(clock);
        assertThat(first.bootId()).isNotBlank().isNotEqualTo(second.bootId());
        String boot = first.bootId();
        long previous = first.next();
        for (int vote = 0; vote < 10; vote++) {
            long next = first.next();
            assertThat(next).as("the sequence grows within a boot").isGreaterThan(previous);
            previous = next;
        }
        assertThat(first.bootId()).as("one boot id per start").isEqualTo(boot);
    }
}
