package io.pra.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pra.events.CloudEventAttributes;
import io.pra.events.EventTypes;
import io.pra.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventSignaturesTest {

    private static final KeyPair OBS_B = SigningKeys.generate();
    private static final KeyPair OBS_CLOUD = SigningKeys.generate();
    private static final CloudEventAttributes VOTE = new CloudEventAttributes("0b6c4c5e-2a8a-4d6f-9a43-5f0c1e9d7a21",
            "/pra/health-service/obs-b", EventTypes.SITE_DOWN, "a", Instant.parse("2026-03-14T10:00:08.400Z"), "1.0",
            "application/json");
    private static final byte[] DATA = "{\"site\":\"a\",\"observerId\":\"obs-b\",\"sequence\":42}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedEventVerifiesWithItsSignersKeyOnly() {
        Headers headers = new EventSigner(OBS_B).signInto(new RecordHeaders(), VOTE, DATA);

        EventSignature signature = EventSignatures.read(headers, VOTE.type()).orElseThrow();

        assertThat(signature.keyId()).isEqualTo(SigningKeys.keyId(OBS_B.getPublic())).hasSize(16);
        assertThat(EventSignatures.verify(OBS_B.getPublic(), VOTE, DATA, signature)).isTrue();
        assertThat(EventSignatures.verify(OBS_CLOUD.getPublic(), VOTE, DATA, signature)).isFalse();
    }

    @Test
    void changingAnySignedAttributeOrOneByteOfDataBreaksTheSignature() {
        EventSignature signature = new EventSigner(OBS_B).sign(VOTE, DATA);
        PublicKey key = OBS_B.getPublic();

        assertThat(EventSignatures.verify(key, with(a -> new CloudEventAttributes(
                "1b6c4c5e-2a8a-4d6f-9a43-5f0c1e9d7a21", a.source(), a.type(), a.subject(), a.time(), "1.0",
                "application/json")), DATA, signature)).as("id").isFalse();
        assertThat(EventSignatures.verify(key, with(a -> new CloudEventAttributes(a.id(),
                "/pra/health-service/obs-cloud", a.type(), a.subject(), a.time(), "1.0", "application/json")), DATA,
                signature)).as("source").isFalse();
        assertThat(EventSignatures.verify(key, with(a -> new CloudEventAttributes(a.id(), a.source(),
                EventTypes.SITE_UP, a.subject(), a.time(), "1.0", "application/json")), DATA, signature))
                .as("type").isFalse();
        assertThat(EventSignatures.verify(key, with(a -> new CloudEventAttributes(a.id(), a.source(), a.type(), "b",
                a.time(), "1.0", "application/json")), DATA, signature)).as("subject").isFalse();
        assertThat(EventSignatures.verify(key, with(a -> new CloudEventAttributes(a.id(), a.source(), a.type(),
                a.subject(), a.time().plusMillis(1), "1.0", "application/json")), DATA, signature)).as("time")
                .isFalse();
        byte[] tampered = DATA.clone();
        tampered[tampered.length - 3] = '9';
        assertThat(EventSignatures.verify(key, VOTE, tampered, signature)).as("data").isFalse();
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        CloudEventAttributes moved = new CloudEventAttributes(VOTE.id(), VOTE.source(), VOTE.type(), "a",
                VOTE.time(), "1.0", "application/json");
        assertThat(EventSignatures.signedBytes(moved, "x".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(EventSignatures.signedBytes(new CloudEventAttributes(VOTE.id(), VOTE.source(),
                        VOTE.type(), "ax", VOTE.time(), "1.0", "application/json"), new byte[0]));
    }

    @Test
    void anUnsignedRecordHasNoSignature() {
        assertThat(EventSignatures.read(new RecordHeaders(), VOTE.type())).isEmpty();
    }

    @Test
    void halfASignatureOrAMalformedOneIsAnInvalidEvent() {
        Headers onlyKey = new RecordHeaders().add(EventSignatures.KEY_ID_HEADER, bytes("0123456789abcdef"));
        assertThatThrownBy(() -> EventSignatures.read(onlyKey, VOTE.type())).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(EventSignatures.SIGNATURE_HEADER);

        Headers notBase64 = new RecordHeaders().add(EventSignatures.KEY_ID_HEADER, bytes("0123456789abcdef"))
                .add(EventSignatures.SIGNATURE_HEADER, bytes("not base64!"));
        assertThatThrownBy(() -> EventSignatures.read(notBase64, VOTE.type())).isInstanceOf(
                InvalidEventException.class).hasMessageContaining("base64url");

        Headers shortValue = new RecordHeaders().add(EventSignatures.KEY_ID_HEADER, bytes("0123456789abcdef"))
                .add(EventSignatures.SIGNATURE_HEADER, bytes(Base64.getUrlEncoder().encodeToString(new byte[12])));
        assertThatThrownBy(() -> EventSignatures.read(shortValue, VOTE.type())).isInstanceOf(
                InvalidEventException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void keysRoundTripThroughPem() {
        KeyPair parsed = SigningKeys.keyPair(SigningKeys.pem(OBS_B.getPrivate()), SigningKeys.pem(OBS_B.getPublic()));

        EventSignature signature = new EventSigner(parsed).sign(VOTE, DATA);

        assertThat(EventSignatures.verify(OBS_B.getPublic(), VOTE, DATA, signature)).isTrue();
        assertThat(SigningKeys.keyId(parsed.getPublic())).isEqualTo(SigningKeys.keyId(OBS_B.getPublic()));
    }

    @Test
    void interoperatesWithRfc8032() throws Exception {
        // RFC 8032 section 7.1, test 2 (one-byte message 0x72), keys in the DER forms openssl writes.
        HexFormat hex = HexFormat.of();
        byte[] pkcs8 = hex.parseHex("302e020100300506032b657004220420"
                + "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] spki = hex.parseHex("302a300506032b6570032100"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        String privatePem = pem("PRIVATE KEY", pkcs8);
        String publicPem = pem("PUBLIC KEY", spki);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(SigningKeys.privateKey(privatePem));
        signer.update(new byte[] {0x72});

        assertThat(hex.formatHex(signer.sign())).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertThat(SigningKeys.publicKey(publicPem)).isEqualTo(
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        assertThat(SigningKeys.privateKey(privatePem).getEncoded()).isEqualTo(
                KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)).getEncoded());
    }

    @Test
    void mismatchedHalvesAndBadPemAreRefusedWithoutEchoingTheKey() {
        KeyPair mixed = new KeyPair(OBS_CLOUD.getPublic(), OBS_B.getPrivate());
        assertThatThrownBy(() -> new EventSigner(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");

        String privatePem = SigningKeys.pem(OBS_B.getPrivate());
        assertThatThrownBy(() -> SigningKeys.publicKey(privatePem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLIC KEY").hasMessageNotContaining(privatePem.split("\n")[1]);
        assertThatThrownBy(() -> SigningKeys.privateKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    }

    private static CloudEventAttributes with(UnaryOperator<CloudEventAttributes> change) {
        return change.apply(VOTE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + label + "-----\n";
    }
}
