package io.pra.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.Trigger;
import io.pra.events.health.Severity;

class NotificationFactoryTest {

    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    @Test
    void aFailoverHasItsPhaseEpochRtoRpoBackupAndALink() {
        UUID failoverId = UUID.randomUUID();
        FailoverCompleted event = new FailoverCompleted(failoverId, 4, "a", "b", Trigger.MANUAL, T0, T0, T0.plusSeconds(90),
                new BackupRef("nightly", "default", T0.minusSeconds(600), T0.minusSeconds(500)),
                List.of(new PhaseDuration(FailoverPhase.RESTORE, T0, T0.plusSeconds(42), Duration.ofSeconds(42))),
                Duration.ofSeconds(90), Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofMinutes(15));

        Notification notification = new NotificationFactory("http://failover:8083/")
                .create(attributes("pra.failover.completed", "a"), event);

        assertThat(notification.title()).isEqualTo("Failover completed");
        assertThat(notification.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(notification.link()).isEqualTo("http://failover:8083/api/v1/failovers/" + failoverId);
        assertThat(notification.facts()).extracting(Notification.Fact::label, Notification.Fact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Epoch", "4"),
                        org.assertj.core.groups.Tuple.tuple("Trigger", "manual"),
                        org.assertj.core.groups.Tuple.tuple("RTO achieved", "1m30s"),
                        org.assertj.core.groups.Tuple.tuple("RPO achieved", "10m"),
                        org.assertj.core.groups.Tuple.tuple("Chosen backup", "nightly (started 2026-03-14T09:50:00Z)"),
                        org.assertj.core.groups.Tuple.tuple("Phase durations", "restore 42s"));
        assertThat(notification.facts()).extracting(Notification.Fact::label).doesNotContain("Source site");
    }

    @Test
    void aBackupIsLowSeverityGroupableAndHasNoLink() {
        BackupCompleted event = new BackupCompleted("hourly", "a", "shop", "Completed", T0, T0, null, "default",
                List.of("shop", "db"), 10, 10, 0, 0);

        Notification notification = new NotificationFactory("http://failover:8083")
                .create(attributes("pra.backup.completed", "a"), event);

        assertThat(EventClass.of("pra.backup.completed", event)).isEqualTo(new EventClass(Severity.INFO, true));
        assertThat(notification.title()).isEqualTo("Backup completed");
        assertThat(notification.link()).isNull();
        assertThat(notification.facts()).extracting(Notification.Fact::label).doesNotContain("Expires at", "Site");
        assertThat(notification.facts()).contains(new Notification.Fact("Namespaces", "shop, db"));
    }

    @Test
    void typesBecomeTitles() {
        assertThat(NotificationFactory.title("pra.backup.offsite-verified")).isEqualTo("Backup offsite verified");
        assertThat(NotificationFactory.title("pra.site.down")).isEqualTo("Site down");
    }

    private static CloudEventAttributes attributes(String type, String site) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), "/pra/failover-service/x", type, site, T0,
                "1.0", "application/json");
    }
}
