package io.pra.opschecks.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The reader finds every client of the repository in miniature under kafka-clients/, as the code would create it. */
class KafkaClientsInCodeTest {

    private final KafkaClientsInCode code = new KafkaClientsInCode(miniature());

    @Test
    void channelsDeadLetterProducersAndTheOutboxRelayAreRead() {
        assertThat(code.ofService("sample-service")).containsExactly(
                new KafkaClient("sample-service", "channel intake (incoming)", concat(
                        KafkaNeed.consume("pra.backup", "sample-service", false),
                        KafkaNeed.consume("pra.health", "sample-service", false))),
                new KafkaClient("sample-service", "channel intake dead-letter producer",
                        KafkaNeed.produce("dead-letter-topic-intake", true)),
                new KafkaClient("sample-service", "channel results (outgoing)", concat(
                        KafkaNeed.produce("pra.failover", true), KafkaNeed.transactionalId("sample-tx"))),
                new KafkaClient("sample-service", "outbox relay", KafkaNeed.produce("pra.backup", true)));
    }

    @Test
    void praEventsReadsTheDeclaredTopicsItsPatternMatchesInAGroupNamedFromAPrefix() {
        KafkaClient praEvents = code.praEvents(Set.of("pra.backup", "pra.dlq.failover-service", "pra.dlq.notifier-service"));
        assertThat(praEvents.topics()).containsExactlyInAnyOrder("pra.dlq.failover-service", "pra.dlq.notifier-service");
        assertThat(praEvents.needs()).contains(new KafkaNeed(ResourceType.GROUP, "pra-cli-events-", true, AclOperation.READ));
    }

    @Test
    void aClientTheReaderDoesNotModelIsNamed() {
        assertThat(code.unmodelledClients(List.of("sample-service"))).containsExactly(
                "sample-service/src/main/java/sample/Sneaky.java");
    }

    private static Path miniature() {
        try {
            return Path.of(KafkaClientsInCodeTest.class.getResource("/kafka-clients").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static List<KafkaNeed> concat(List<KafkaNeed>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
