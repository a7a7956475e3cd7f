package io.pra.events.signing;

import io.pra.events.CloudEventAttributes;
import io.pra.events.InvalidEventException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How an event's signature is computed, carried and checked. What is signed is the event's identity and
 * content: {@code id}, {@code source}, {@code type}, {@code subject}, {@code time} and the data bytes exactly as they
 * travel, each length-prefixed after a version tag, so that no field can be moved into another and a changed byte
 * anywhere breaks the signature. The signature travels as two CloudEvents extension attributes (binary mode:
 * {@code ce_prakeyid}, {@code ce_prasignature}, base64url without padding).
 */
public final class EventSignatures {

    /** Kafka header of the {@code prakeyid} extension attribute. */
    public static final String KEY_ID_HEADER = "ce_prakeyid";
    /** Kafka header of the {@code prasignature} extension attribute. */
    public static final String SIGNATURE_HEADER = "ce_prasignature";
    /** The signature algorithm (JDK, RFC 8032). */
    public static final String ALGORITHM = "Ed25519";

    private static final byte[] VERSION = "pra-event-signature-v1".getBytes(StandardCharsets.UTF_8);
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private EventSignatures() {
    }

    /** The bytes a signature covers. */
    public static byte[] signedBytes(CloudEventAttributes attributes, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(VERSION.length + data.length + 256);
        field(out, VERSION);
        field(out, attributes.id());
        field(out, attributes.source());
        field(out, attributes.type());
        field(out, attributes.subject());
        field(out, DateTimeFormatter.ISO_INSTANT.format(attributes.time()));
        field(out, data);
        return out.toByteArray();
    }

    /** Writes the signature's two headers, replacing earlier ones. */
    public static Headers write(EventSignature signature, Headers headers) {
        headers.remove(KEY_ID_HEADER);
        headers.remove(SIGNATURE_HEADER);
        headers.add(KEY_ID_HEADER, signature.keyId().getBytes(StandardCharsets.UTF_8));
        headers.add(SIGNATURE_HEADER, Base64.getUrlEncoder().withoutPadding().encode(signature.value()));
        return headers;
    }

    /**
     * The signature a record carries; empty when it carries none. Half a signature (one header without the other) or
     * a value that is not base64url of an Ed25519 signature is an {@link InvalidEventException}.
     */
    public static Optional<EventSignature> read(Headers headers, String type) {
        String keyId = value(headers, KEY_ID_HEADER);
        String encoded = value(headers, SIGNATURE_HEADER);
        if (keyId == null && encoded == null) {
            return Optional.empty();
        }
        if (keyId == null || keyId.isBlank() || encoded == null || encoded.isBlank()) {
            throw new InvalidEventException(type, keyId == null ? KEY_ID_HEADER : SIGNATURE_HEADER,
                    "a signed event needs both " + KEY_ID_HEADER + " and " + SIGNATURE_HEADER);
        }
        byte[] value;
        try {
            value = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(type, SIGNATURE_HEADER, "not base64url: " + e.getMessage(), e);
        }
        if (value.length != ED25519_SIGNATURE_LENGTH) {
            throw new InvalidEventException(type, SIGNATURE_HEADER, "an Ed25519 signature has "
                    + ED25519_SIGNATURE_LENGTH + " bytes, got " + value.length);
        }
        return Optional.of(new EventSignature(keyId, value));
    }

    /** True when {@code signature} is {@code key}'s signature of this event. */
    public static boolean verify(PublicKey key, CloudEventAttributes attributes, byte[] data, EventSignature signature) {
        return SigningKeys.verifies(key, signedBytes(attributes, data), signature.value());
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
