package io.pra.bench.kafka;

import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.signing.EventSigner;
import io.pra.events.CloudEventAttributes;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes PRA events as the services do: validated JSON body, CloudEvents headers, key = site id. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventFactory factory;
    private final EventCodec codec = new EventCodec();
    private final EventSigner signer;

    /** {@code service} and {@code instance} make the CloudEvents source {@code /pra/<service>/<instance>}. */
    public EventPublisher(String bootstrap, String service, String instance) {
        this(bootstrap, service, instance, null);
    }

    /**
     * A publisher that signs every event with {@code keyPair}, as a health-service observer does: failover-service
     * counts only votes signed by the key of the observer their source names ({@code instance}).
     */
    public static EventPublisher signing(String bootstrap, String service, String instance, KeyPair keyPair) {
        return new EventPublisher(bootstrap, service, instance, new EventSigner(keyPair));
    }

    private EventPublisher(String bootstrap, String service, String instance, EventSigner signer) {
        this.signer = signer;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        factory = new CloudEventFactory(service, instance, Clock.systemUTC());
    }

    /** Sends one event to {@code topic} and waits for the broker's acknowledgement. */
    public void send(String topic, PraEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes attributes = factory.attributesFor(event);
        CloudEventHeaders.write(attributes, headers);
        byte[] value = codec.write(event);
        if (signer != null) {
            signer.signInto(headers, attributes, value);
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, Topics.recordKey(event), value, headers))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
