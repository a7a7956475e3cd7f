package io.pra.health.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.pra.health.domain.Comparison;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromQlProberTest {

    private static final ProbeTarget.PromQl ERROR_RATE = new ProbeTarget.PromQl(URI.create("http://prometheus.local:9090"),
            "sum(rate(http_errors_total[5m]))", Comparison.LT, 0.05);

    @Test
    void everyVectorSampleMustSatisfyTheCondition() {
        String body = """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"pod":"a"},"value":[1710410400.1,"0.01"]},
                  {"metric":{"pod":"b"},"value":[1710410400.1,"0.2"]}]}}""";
        ProbeOutcome outcome = PromQlProber.judge(ERROR_RATE, 200, body, Duration.ofMillis(4));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.evidence().error()).isEqualTo("1 of 2 samples fail value < 0.05");
    }

    @Test
    void aScalarResultIsJudgedToo() {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1710410400.1,\"0.01\"]}}";
        assertThat(PromQlProber.judge(ERROR_RATE, 200, body, Duration.ofMillis(4)).passed()).isTrue();
    }

    @Test
    void noSampleAndQueryErrorsFail() {
        String empty = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
        assertThat(PromQlProber.judge(ERROR_RATE, 200, empty, Duration.ZERO).evidence().error()).startsWith("no sample");
        String error = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}";
        ProbeOutcome outcome = PromQlProber.judge(ERROR_RATE, 400, error, Duration.ZERO);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.evidence().error()).isEqualTo("query failed: bad_data parse error at char 4");
    }
}
