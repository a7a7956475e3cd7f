package io.pra.events.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * The signature of one event, as it rides in the CloudEvents extension attributes {@code prakeyid} and
 * {@code prasignature} (Kafka headers {@value EventSignatures#KEY_ID_HEADER} and
 * {@value EventSignatures#SIGNATURE_HEADER}).
 *
 * @param keyId which key signed: {@link SigningKeys#keyId} of its public key
 * @param value the Ed25519 signature over {@link EventSignatures#signedBytes}
 */
public record EventSignature(String keyId, byte[] value) {

    public EventSignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSignature that && keyId.equals(that.keyId) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "EventSignature[keyId=" + keyId + "]";
    }
}
