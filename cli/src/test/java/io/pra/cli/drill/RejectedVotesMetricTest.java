package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectedVotesMetricTest {

    @Test
    void sumsEveryReasonAndIgnoresOtherMetrics() {
        String exposition = """
                # HELP pra_votes_rejected_total votes that did not count
                # TYPE pra_votes_rejected_total counter
                pra_votes_rejected_total{reason="unsigned",site="a"} 2.0
                pra_votes_rejected_total{reason="foreign-key",site="a"} 1.0 1733612345000
                pra_votes_rejected_totals{reason="x"} 40.0
                pra_down_votes{site="a"} 3.0
                """;

        assertThat(RejectedVotesMetric.sum(exposition)).isEqualTo(3.0);
        assertThat(RejectedVotesMetric.sum("pra_down_votes{site=\"a\"} 3.0\n")).isZero();
    }
}
