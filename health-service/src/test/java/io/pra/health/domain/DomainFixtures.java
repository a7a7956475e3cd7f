package io.pra.health.domain;

import io.pra.events.health.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Checks and probe outcomes for the domain unit tests. */
final class DomainFixtures {

    static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private DomainFixtures() {
    }

    static CheckSpec check(String id, Severity severity, int failureThreshold, int successThreshold) {
        return new CheckSpec("a", id, ProbeKind.HTTP, severity, Duration.ofSeconds(1), Duration.ofMillis(500),
                failureThreshold, successThreshold, new ProbeTarget.Http("GET", URI.create("http://shop.example/health"),
                        Set.of(200), Optional.empty(), Optional.empty(), true));
    }

    static ProbeOutcome failed() {
        return ProbeOutcome.fail(500, Duration.ofMillis(12), "unexpected status 500", null);
    }

    static ProbeOutcome passed() {
        return ProbeOutcome.pass(200, Duration.ofMillis(3), null);
    }

    static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
