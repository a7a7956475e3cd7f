package io.pra.health.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerPayloadTest {

    @Test
    void readsFiringAndResolvedAlertsWithGoZeroTimeAsNoEnd() {
        List<AlertBoard.ReceivedAlert> alerts = AlertmanagerPayload.parse("""
                {"version":"4","status":"firing","alerts":[
                  {"status":"firing","labels":{"alertname":"A","site":"a"},"endsAt":"0001-01-01T00:00:00Z"},
                  {"status":"resolved","labels":{"alertname":"B"},"endsAt":"2026-03-14T10:05:00Z"}]}""");
        assertThat(alerts).extracting(AlertBoard.ReceivedAlert::firing).containsExactly(true, false);
        assertThat(alerts.get(0).endsAt()).isNull();
        assertThat(alerts.get(1).endsAt()).isEqualTo(Instant.parse("2026-03-14T10:05:00Z"));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> AlertmanagerPayload.parse("{\"alerts\":[{\"status\":\"firing\"}]}"))
                .hasMessage("/alerts/0/labels: expected a non-empty object of label values");
        assertThatThrownBy(() -> AlertmanagerPayload.parse("{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":1}}]}"))
                .hasMessage("/alerts/0/labels/a: expected a string");
        assertThatThrownBy(() -> AlertmanagerPayload.parse(
                "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"b\"},\"endsAt\":\"soon\"}]}"))
                .hasMessage("/alerts/0/endsAt: not an RFC 3339 time: 'soon'");
        assertThatThrownBy(() -> AlertmanagerPayload.parse("[]")).hasMessageContaining("JSON object");
    }
}
