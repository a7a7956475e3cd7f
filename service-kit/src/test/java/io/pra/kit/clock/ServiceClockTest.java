package io.pra.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ServiceClockTest {

    private static final Clock BASE = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void noOffsetIsTheBaseClockItself() {
        assertThat(ServiceClock.of(BASE, Duration.ZERO)).isSameAs(BASE);
    }

    @Test
    void anOffsetMovesEveryReading() {
        assertThat(ServiceClock.of(BASE, Duration.ofMinutes(-5)).instant())
                .isEqualTo(Instant.parse("2026-03-01T11:55:00Z"));
    }
}
