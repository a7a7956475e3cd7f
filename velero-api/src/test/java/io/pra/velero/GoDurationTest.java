package io.pra.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "720h0m0s, PT720H",
        "5m, PT5M",
        "1h30m, PT1H30M",
        "1.5h, PT1H30M",
        "300ms, PT0.3S",
        "0, PT0S",
        "-2s, PT-2S",
        "90s, PT1M30S"
    })
    void parsesLikeGo(String text, Duration expected) {
        assertThat(GoDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "PT720H, 720h0m0s",
        "PT5M, 5m0s",
        "PT1M30S, 1m30s",
        "PT1.5S, 1.5s",
        "PT0.3S, 300ms",
        "PT0S, 0s",
        "PT1H, 1h0m0s"
    })
    void formatsLikeGo(Duration duration, String expected) {
        assertThat(GoDuration.format(duration)).isEqualTo(expected);
    }

    @Test
    void rejectsWhatGoRejects() {
        assertThatThrownBy(() -> GoDuration.parse("5 minutes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsUseWholeSecondsInUtc() {
        assertThat(Timestamps.format(Instant.parse("2025-03-01T10:00:00.750Z"))).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(Timestamps.parse("2025-03-01T12:00:00+02:00")).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(Timestamps.parse(null)).isNull();
    }
}
