package io.pra.events.signing;

import io.pra.events.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import org.apache.kafka.common.header.Headers;

/** Signs the events one producer publishes with its own Ed25519 key. Thread-safe. */
public final class EventSigner {

    private final PrivateKey privateKey;
    private final String keyId;

    /**
     * @param keyPair the producer's key pair; the public half names the key ({@link SigningKeys#keyId}), the
     *                private half signs and is never exposed again
     */
    public EventSigner(KeyPair keyPair) {
        this.privateKey = keyPair.getPrivate();
        this.keyId = SigningKeys.keyId(keyPair.getPublic());
        // Fails now, with the reason, rather than at the first event or, worse, with every vote refused.
        byte[] probe = "pra-key-pair-check".getBytes(StandardCharsets.UTF_8);
        if (!SigningKeys.verifies(keyPair.getPublic(), probe, sign(probe))) {
            throw new IllegalArgumentException("the public key " + keyId + " does not belong to the private key");
        }
    }

    /** The id of the key this signer signs with. */
    public String keyId() {
        return keyId;
    }

    /** The signature of one event. */
    public EventSignature sign(CloudEventAttributes attributes, byte[] data) {
        return new EventSignature(keyId, sign(EventSignatures.signedBytes(attributes, data)));
    }

    /** Signs the event and writes its signature headers. */
    public Headers signInto(Headers headers, CloudEventAttributes attributes, byte[] data) {
        return EventSignatures.write(sign(attributes, data), headers);
    }

    private byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(EventSignatures.ALGORITHM);
            signature.initSign(privateKey);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId + " (" + EventSignatures.ALGORITHM
                    + " needed): " + e.getMessage(), e);
        }
    }
}
