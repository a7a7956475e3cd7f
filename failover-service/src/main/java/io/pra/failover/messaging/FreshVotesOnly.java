package io.pra.failover.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.pra.failover.domain.QuorumPolicy;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Where a failover-service that has never committed an offset on {@code pra.health} starts reading: at the votes
 * younger than the vote TTL (a seek by timestamp), never at the retained history, which holds days of votes that
 * would all be rejected as stale. A group with committed offsets resumes where it was; admission rejects what went
 * stale meanwhile.
 */
@ApplicationScoped
@Identifier(FreshVotesOnly.NAME)
public class FreshVotesOnly implements KafkaConsumerRebalanceListener {

    /** Its name in {@code consumer-rebalance-listener.name}. */
    public static final String NAME = "fresh-votes-only";

    private static final Logger LOG = Logger.getLogger(FreshVotesOnly.class);

    private final Clock clock;
    private final Duration voteTtl;

    FreshVotesOnly(Clock clock, QuorumPolicy policy) {
        this.clock = clock;
        this.voteTtl = policy.voteTtl();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = clock.instant().minus(voteTtl).toEpochMilli();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                since.put(partition, from);
            }
        }
        if (since.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        for (TopicPartition partition : since.keySet()) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(java.util.List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
            LOG.infof("no committed offset on %s: reading votes younger than %s only (from %s)", partition, voteTtl,
                    offset == null ? "the end" : "offset " + offset.offset());
        }
    }
}
