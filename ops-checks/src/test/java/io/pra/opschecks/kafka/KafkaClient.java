package io.pra.opschecks.kafka;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One Kafka client that PRA's code creates, and every permission it needs.
 *
 * @param module the module whose code creates it ({@code health-service}, {@code cli}, ...)
 * @param name   what it is, for the reports ({@code channel health-events (outgoing)}, {@code outbox relay})
 * @param needs  what the broker checks it for
 */
public record KafkaClient(String module, String name, List<KafkaNeed> needs) {

    public KafkaClient {
        needs = List.copyOf(needs);
    }

    /** The topics it writes (produces to). */
    public Set<String> writtenTopics() {
        return needs.stream().filter(n -> n.type() == ResourceType.TOPIC && n.operation() == AclOperation.WRITE)
                .map(KafkaNeed::name).collect(Collectors.toSet());
    }

    /** Every topic it names. */
    public Set<String> topics() {
        return needs.stream().filter(n -> n.type() == ResourceType.TOPIC).map(KafkaNeed::name).collect(Collectors.toSet());
    }

    @Override
    public String toString() {
        return module + " " + name;
    }
}
