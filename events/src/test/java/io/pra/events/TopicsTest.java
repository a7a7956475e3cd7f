package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pra.events.failover.FailoverRunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void deadLetterTopicIsPerService() {
        assertThat(Topics.dlq("notifier-service")).isEqualTo("pra.dlq.notifier-service");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Notifier", "notifier service", "pra.dlq.x", "-notifier", "notifier-"})
    void deadLetterTopicNeedsAPlainServiceName(String service) {
        assertThatThrownBy(() -> Topics.dlq(service))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowercase letters, digits and dashes");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordKeyIsTheSiteTheEventIsAbout(EventType type) {
        PraEvent sample = EventFixtures.sample(type);

        assertThat(Topics.recordKey(sample)).isEqualTo(EventFixtures.SITE_A);
        if (sample instanceof FailoverRunEvent run) {
            assertThat(Topics.recordKey(sample)).isEqualTo(run.sourceSite()).isNotEqualTo(run.targetSite());
        }
    }
}
