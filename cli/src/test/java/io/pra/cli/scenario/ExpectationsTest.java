package io.pra.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectationsTest {

    @Test
    void aBareCountMeansExactly() {
        assertThat(Expectations.holds("failovers", "1", 1)).isTrue();
        assertThat(Expectations.holds("failovers", "1", 2)).isFalse();
        assertThat(Expectations.holds("failovers", "1", 0)).isFalse();
    }

    @Test
    void comparisonsAreHonoured() {
        assertThat(Expectations.holds("notifications.slack", ">=1", 3)).isTrue();
        assertThat(Expectations.holds("notifications.slack", ">=1", 0)).isFalse();
        assertThat(Expectations.holds("failovers", "<=1", 1)).isTrue();
        assertThat(Expectations.holds("failovers", "<=1", 2)).isFalse();
        assertThat(Expectations.holds("dlq", ">0", 0)).isFalse();
        assertThat(Expectations.holds("dlq", "<1", 0)).isTrue();
        assertThat(Expectations.holds("dlq", "==0", 0)).isTrue();
    }

    @Test
    void maximaAreUpperBoundsInSeconds() {
        assertThat(Expectations.holds("maxDecisionSeconds", "15", 4.5)).isTrue();
        assertThat(Expectations.holds("maxDecisionSeconds", "15", 15)).isTrue();
        assertThat(Expectations.holds("maxDecisionSeconds", "15", 15.1)).isFalse();
    }

    @Test
    void whatWasNotMeasuredFails() {
        assertThat(Expectations.holds("maxRtoSeconds", "90", null)).isFalse();
        assertThat(Expectations.holds("finalMode", "AUTO", null)).isFalse();
    }

    @Test
    void finalModeComparesTheMode() {
        assertThat(Expectations.holds("finalMode", "MANUAL", "MANUAL")).isTrue();
        assertThat(Expectations.holds("finalMode", "MANUAL", "AUTO")).isFalse();
    }

    @Test
    void fenceComparesHowTheFenceEnded() {
        assertThat(Expectations.holds("fence", "SUCCEEDED", "SUCCEEDED")).isTrue();
        assertThat(Expectations.holds("fence", "SUCCEEDED", "SKIPPED")).isFalse();
        assertThat(Expectations.holds("fence", "SKIPPED", null)).isFalse();
    }

    @Test
    void refusesUnknownKeysAndBadValues() {
        assertThatThrownBy(() -> Expectations.check("rtoo", "1")).hasMessageContaining("unknown expectation 'rtoo'");
        assertThatThrownBy(() -> Expectations.check("maxRtoSeconds", "fast")).hasMessageContaining("number of seconds");
        assertThatThrownBy(() -> Expectations.check("finalMode", "ON")).hasMessageContaining("AUTO, MANUAL or OFF");
        assertThatThrownBy(() -> Expectations.check("failovers", "one")).hasMessageContaining("a count");
        assertThatThrownBy(() -> Expectations.check("fence", "STARTED"))
                .hasMessageContaining("SUCCEEDED, SKIPPED or FAILED");
    }
}
