package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;
import io.pra.testkit.launch.SigningKeyFiles;

/**
 * Publishes on {@code pra.health} votes that no observer cast, as an attacker on the broker would: forged votes
 * (forge-vote) and byte-for-byte copies of votes seen earlier (replay-votes). It writes to the broker directly, not
 * through any service's proxy, so partitions of the scenario do not stop it.
 */
final class VoteInjector implements AutoCloseable {

    /** What a forged vote says its health-service is, as in {@code /pra/health-service/<observer>}. */
    private static final String SOURCE_SERVICE = "health-service";
    private static final Duration SEND_BOUND = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Duration voteTtl;
    private final java.util.Set<String> forgedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    VoteInjector(String bootstrapServers, Duration voteTtl) {
        this.voteTtl = voteTtl;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes one forged vote on {@code site}: {@code down} or up, claiming to come from observer {@code as} in
     * {@code domain}, in a boot of its own (a fresh boot id), signed with {@code signerKeys} or unsigned when null.
     */
    void forge(String as, String domain, String site, boolean down, long sequence, SigningKeyFiles signerKeys) {
        Instant now = Instant.now();
        String bootId = UUID.randomUUID().toString();
        PraEvent vote = down
                ? new SiteDown(site, as, domain, now, now, sequence, List.of(new FailingCheck("api",
                        CheckKind.KUBERNETES_API, new CheckEvidence(null, null, "forged by the drill", null))),
                        voteTtl, bootId)
                : new SiteUp(site, as, domain, now, null, sequence, List.of(), voteTtl, bootId);
        byte[] value = codec.write(vote);
        CloudEventAttributes attributes = new CloudEventFactory(SOURCE_SERVICE, as, Clock.systemUTC())
                .attributesFor(vote);
        Headers headers = CloudEventHeaders.write(attributes, new RecordHeaders());
        forgedIds.add(attributes.id());
        if (signerKeys != null) {
            new EventSigner(keyPair(signerKeys)).signInto(headers, attributes, value);
        }
        send(new ProducerRecord<>(Topics.HEALTH, null, Topics.recordKey(vote), value, headers));
    }

    /** Whether the record with this CloudEvents id is a vote this injector forged. */
    boolean forged(String eventId) {
        return forgedIds.contains(eventId);
    }

    /** Publishes these vote records again, each with the key, value and headers it had. */
    void replay(List<EventFeed.RawVote> votes) {
        for (EventFeed.RawVote vote : votes) {
            send(new ProducerRecord<>(Topics.HEALTH, null, vote.key(), vote.value(), new RecordHeaders(vote.headers())));
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(SEND_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a vote", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish a vote on " + Topics.HEALTH + ": " + e.getMessage(), e);
        }
    }

    private static java.security.KeyPair keyPair(SigningKeyFiles files) {
        try {
            return SigningKeys.keyPair(Files.readString(files.privateKey()), Files.readString(files.publicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key files " + files.privateKey(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
