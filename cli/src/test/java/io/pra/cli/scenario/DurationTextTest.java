package io.pra.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesTheUnitsScenariosUse() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("-90s")).isEqualTo(Duration.ofSeconds(-90));
        assertThat(DurationText.parse("+2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("12")).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("10 s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationText.parse("10x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationText.parse("")).hasMessageContaining("empty");
    }

    @Test
    void formatsForPeople() {
        assertThat(DurationText.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(DurationText.format(Duration.ofMillis(12_340))).isEqualTo("12.3s");
        assertThat(DurationText.format(Duration.ofSeconds(245))).isEqualTo("4m05s");
    }
}
