package io.pra.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pra.events.EventCodec;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;

class RpoHealthEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void warningAndBreachAreDegradationsOfTheRpoCheck() {
        HealthDegraded warning = (HealthDegraded) RpoHealthEvents.of(RpoTransition.WARNING, BackupFixtures.group(),
                Duration.ofMinutes(12), NOW, NOW);
        HealthDegraded breach = (HealthDegraded) RpoHealthEvents.of(RpoTransition.BREACHED, BackupFixtures.group(),
                Duration.ofMinutes(16), NOW.plusSeconds(240), NOW);

        assertThat(warning.checkKind()).isEqualTo(CheckKind.RPO);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.checkId()).isEqualTo("rpo-shop");
        assertThat(warning.site()).isEqualTo("a");
        assertThat(breach.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(breach.firstFailedAt()).isEqualTo(NOW);
        assertThat(breach.evidence().detail()).contains("960s").contains("900s");
        assertThat(new EventCodec().write(breach)).isNotEmpty();
    }

    @Test
    void recoveryRemembersSinceWhenItWasDegraded() {
        HealthRecovered recovered = (HealthRecovered) RpoHealthEvents.of(RpoTransition.RECOVERED,
                BackupFixtures.group(), Duration.ofSeconds(5), NOW, NOW.minusSeconds(600));

        assertThat(recovered.degradedSince()).isEqualTo(NOW.minusSeconds(600));
        assertThat(new EventCodec().write(recovered)).isNotEmpty();
    }

    @Test
    void noTransitionNoEvent() {
        assertThat(RpoHealthEvents.of(RpoTransition.NONE, BackupFixtures.group(), Duration.ZERO, NOW, NOW)).isNull();
    }
}
