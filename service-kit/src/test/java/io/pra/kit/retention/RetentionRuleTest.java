package io.pra.kit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    @Test
    void deletesABatchOfTheOldestExpiredRows() {
        RetentionRule rule = new RetentionRule("outbox_event", "published_at", Duration.ofDays(7));

        assertThat(rule.deleteBatchSql(100)).isEqualTo("DELETE FROM outbox_event WHERE ctid IN (SELECT ctid FROM "
                + "outbox_event WHERE published_at < ? ORDER BY published_at LIMIT 100)");
    }

    @Test
    void refusesAnythingButPlainIdentifiers() {
        assertThatThrownBy(() -> new RetentionRule("outbox_event; DROP TABLE x", "published_at", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionRule("outbox_event", "published_at OR true", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAgeThatWouldDeleteEverything() {
        assertThatThrownBy(() -> new RetentionRule("outbox_event", "published_at", Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
