package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VeleroCronScheduleTest {

    @ParameterizedTest
    @CsvSource({
        "*/5 * * * *,   2025-06-01T08:02:10Z, 2025-06-01T08:05:00Z",
        "*/5 * * * *,   2025-06-01T08:05:00Z, 2025-06-01T08:10:00Z",
        "0 2 * * *,     2025-06-01T08:00:00Z, 2025-06-02T02:00:00Z",
        "30 1 * * 0,    2025-06-01T08:00:00Z, 2025-06-08T01:30:00Z",
        "@daily,        2025-06-01T08:00:00Z, 2025-06-02T00:00:00Z",
        "@hourly,       2025-06-01T08:00:00Z, 2025-06-01T09:00:00Z",
        "@every 5m,     2025-06-01T08:00:00Z, 2025-06-01T08:05:00Z",
        "@every 1h30m,  2025-06-01T08:00:00.700Z, 2025-06-01T09:30:00Z",
        "@every 500ms,  2025-06-01T08:00:00Z, 2025-06-01T08:00:01Z"
    })
    void nextRunIsTheFirstAfterTheGivenTime(String expression, Instant after, Instant expected) {
        assertThat(CronSchedule.parse(expression).nextAfter(after)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "every day", "61 * * * *", "* * * *", "@every", "@every soon", "@fortnightly"})
    void rejectsWhatVeleroRejects(String expression) {
        assertThatThrownBy(() -> CronSchedule.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
