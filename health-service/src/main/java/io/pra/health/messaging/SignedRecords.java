package io.pra.health.messaging;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.signing.EventSigner;
import java.time.Clock;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the Kafka record of one event as it goes on the wire: the JSON value (validated against the type's schema),
 * the CloudEvents headers, and the observer's signature over those attributes and exactly that value. Plain Java, so
 * that what is signed is tested without a broker.
 */
public final class SignedRecords {

    /** The service part of the CloudEvents source; the observer id is its instance. */
    public static final String SOURCE_SERVICE = "health-service";

    private final EventCodec codec = new EventCodec();
    private final CloudEventFactory cloudEvents;
    private final EventSigner signer;

    /** @param observerId the instance of the source, {@code /pra/health-service/<observerId>} */
    public SignedRecords(String observerId, Clock clock, EventSigner signer) {
        this.cloudEvents = new CloudEventFactory(SOURCE_SERVICE, observerId, clock);
        this.signer = signer;
    }

    /** One record to send as is: nothing may change its value or its {@code ce_*} headers after this. */
    public SignedRecord of(PraEvent event) {
        byte[] value = codec.write(event);
        CloudEventAttributes attributes = cloudEvents.attributesFor(event);
        Headers headers = signer.signInto(CloudEventHeaders.write(attributes, new RecordHeaders()), attributes, value);
        return new SignedRecord(Topics.recordKey(event), attributes, headers, value);
    }

    /**
     * A record ready to send.
     *
     * @param key        the site
     * @param attributes its CloudEvents attributes, as in {@code headers}
     * @param headers    {@code ce_*} headers, {@code content-type} and the signature headers
     * @param value      the JSON payload, the bytes the signature covers
     */
    public record SignedRecord(String key, CloudEventAttributes attributes, Headers headers, byte[] value) {
    }
}
