package io.pra.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String URL = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";

    @Test
    void removesTheWholeUrlAndItsPath() {
        assertThat(Redaction.scrub("cannot POST " + URL + ": refused", URL)).isEqualTo("cannot POST <redacted>: refused");
        assertThat(Redaction.scrub("GET /services/T000/B000/XXXXSECRET failed", URL))
                .isEqualTo("GET <redacted> failed").doesNotContain("XXXXSECRET");
    }

    @Test
    void leavesOtherTextAndNullAlone() {
        assertThat(Redaction.scrub("HTTP 500 internal_error", URL)).isEqualTo("HTTP 500 internal_error");
        assertThat(Redaction.scrub(null, URL)).isNull();
        assertThat(Redaction.scrub("password hunter2", null)).isEqualTo("password hunter2");
    }
}
