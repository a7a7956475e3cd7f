package io.pra.opschecks.kafka;

import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One permission a Kafka client needs from the broker's authorizer, as the broker asks for it.
 *
 * @param type     the resource type
 * @param name     the resource's name, or the prefix of every name the client may use when {@code anyWithPrefix}
 * @param anyWithPrefix the client makes the name up at run time (the cli's consumer group), from this prefix
 * @param operation the operation the broker checks
 */
public record KafkaNeed(ResourceType type, String name, boolean anyWithPrefix, AclOperation operation) {

    /** The name of the cluster resource, as Kafka's authorizer knows it. */
    public static final String CLUSTER_NAME = "kafka-cluster";

    /**
     * What a producer to one topic is checked for: Produce needs Write, Metadata needs Describe. An idempotent
     * producer (Kafka's default since 3.0) first asks InitProducerId, which the broker allows with IdempotentWrite on
     * the cluster or with Write on any topic (KIP-679); {@link KafkaAclCheck} asks it the same way.
     */
    public static List<KafkaNeed> produce(String topic, boolean idempotent) {
        List<KafkaNeed> needs = List.of(topic(topic, AclOperation.WRITE), topic(topic, AclOperation.DESCRIBE));
        return idempotent ? concat(needs, List.of(initProducerId())) : needs;
    }

    /**
     * What a consumer of one topic in one group is checked for: Fetch and OffsetCommit need Read on the topic,
     * Metadata, ListOffsets and OffsetFetch Describe; JoinGroup, SyncGroup, Heartbeat and OffsetCommit need Read on
     * the group, FindCoordinator and OffsetFetch Describe.
     */
    public static List<KafkaNeed> consume(String topic, String group, boolean groupIsPrefix) {
        return List.of(topic(topic, AclOperation.READ), topic(topic, AclOperation.DESCRIBE),
                new KafkaNeed(ResourceType.GROUP, group, groupIsPrefix, AclOperation.READ),
                new KafkaNeed(ResourceType.GROUP, group, groupIsPrefix, AclOperation.DESCRIBE));
    }

    /** A transactional producer's id: InitProducerId, AddPartitionsToTxn and EndTxn need Write, FindCoordinator Describe. */
    public static List<KafkaNeed> transactionalId(String id) {
        return List.of(new KafkaNeed(ResourceType.TRANSACTIONAL_ID, id, false, AclOperation.WRITE),
                new KafkaNeed(ResourceType.TRANSACTIONAL_ID, id, false, AclOperation.DESCRIBE));
    }

    /** Metadata of one topic (listing topics, for instance, shows only those the client may describe). */
    public static KafkaNeed topic(String topic, AclOperation operation) {
        return new KafkaNeed(ResourceType.TOPIC, topic, false, operation);
    }

    /** InitProducerId of an idempotent, non-transactional producer. */
    public static KafkaNeed initProducerId() {
        return new KafkaNeed(ResourceType.CLUSTER, CLUSTER_NAME, false, AclOperation.IDEMPOTENT_WRITE);
    }

    /** True for the InitProducerId of an idempotent producer, which Write on any topic satisfies too. */
    public boolean isInitProducerId() {
        return type == ResourceType.CLUSTER && operation == AclOperation.IDEMPOTENT_WRITE;
    }

    @Override
    public String toString() {
        return operation + " on " + type + " " + (anyWithPrefix ? "'" + name + "*'" : "'" + name + "'");
    }

    private static List<KafkaNeed> concat(List<KafkaNeed> first, List<KafkaNeed> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
