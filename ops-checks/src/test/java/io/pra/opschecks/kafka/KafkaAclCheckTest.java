package io.pra.opschecks.kafka;

import static io.pra.opschecks.kafka.KafkaClientFixtures.refusedUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The least-privilege check bites: each deliberately wrong KafkaUser of refused/kafka-users.yaml is reported, and why. */
class KafkaAclCheckTest {

    @Test
    void aMissingGrantIsReportedWithTheClientThatNeedsIt() {
        assertThat(KafkaAclCheck.check(refusedUser("failover-service"), KafkaClientFixtures.failoverService())).containsExactly(
                "User:failover-service lacks READ on GROUP 'failover-service-backups', which failover-service channel "
                        + "backup-events (incoming) needs",
                "User:failover-service lacks DESCRIBE on GROUP 'failover-service-backups', which failover-service channel "
                        + "backup-events (incoming) needs");
    }

    @Test
    void aGrantNoClientNeedsIsReportedAndAnImpliedOneIsNot() {
        assertThat(KafkaAclCheck.check(refusedUser("health-service-obs-2"), List.of(KafkaClientFixtures.observer()))).containsExactly(
                "User:health-service-obs-2 is granted READ on TOPIC 'pra.failover', which none of its clients needs "
                        + "(health-service channel health-events (outgoing))",
                "User:health-service-obs-2 is granted DESCRIBE on TOPIC 'pra.failover', which none of its clients needs "
                        + "(health-service channel health-events (outgoing))",
                "User:health-service-obs-2 is granted IDEMPOTENT_WRITE on CLUSTER 'kafka-cluster', which none of its "
                        + "clients needs (health-service channel health-events (outgoing))");
    }

    @Test
    void aDenyWinsOverAnAllowAsOnTheBroker() {
        assertThat(KafkaAclCheck.check(refusedUser("health-service-obs-1"), List.of(KafkaClientFixtures.observer())))
                .contains("User:health-service-obs-1 lacks WRITE on TOPIC 'pra.health', which health-service channel "
                        + "health-events (outgoing) needs")
                .contains("User:health-service-obs-1 lacks IDEMPOTENT_WRITE on CLUSTER 'kafka-cluster', which health-service "
                        + "channel health-events (outgoing) needs");
    }

    @Test
    void aGrantOfEverythingIsTooBroadEvenWhenItServes() {
        assertThat(KafkaAclCheck.check(refusedUser("notifier-service"), List.of(KafkaClientFixtures.notifierService())))
                .containsExactly("User:notifier-service is granted ALL on TOPIC 'pra.' (prefix): too broad, name the "
                        + "operations and resources its clients need");
    }

    @Test
    void prefixedGrantsServeAGroupNamedAtRunTime() {
        assertThat(KafkaAclCheck.check(refusedUser("pra-operator"), List.of(KafkaClientFixtures.praEvents()))).isEmpty();
    }

    @Test
    void aUserNoClientLogsInAsIsReported() {
        assertThat(KafkaAclCheck.check(refusedUser("health-service"), List.of()))
                .contains("User:health-service is a KafkaUser no deployed client logs in as");
    }

    @Test
    void strimziNamesBecomeKafkaConstants() {
        assertThat(KafkaAclCheck.constant("IdempotentWrite")).isEqualTo("IDEMPOTENT_WRITE");
        assertThat(KafkaAclCheck.constant("transactionalId")).isEqualTo("TRANSACTIONAL_ID");
        assertThat(KafkaAclCheck.constant("topic")).isEqualTo("TOPIC");
    }
}
