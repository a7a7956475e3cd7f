package io.pra.health.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.EventTypes;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.signing.EventSignature;
import io.pra.events.signing.EventSignatures;
import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an observer's record carries and what its signature covers, read back as a consumer reads it. */
class SignedRecordsTest {

    /** Nanoseconds, so that the time a consumer parses from ce_time must be the instant that was signed. */
    private static final Instant NOW = Instant.parse("2026-03-14T10:00:08.123456789Z");
    private static final KeyPair OBS_B = SigningKeys.generate();

    private final SignedRecords records = new SignedRecords("obs-b", Clock.fixed(NOW, ZoneOffset.UTC),
            new EventSigner(OBS_B));
    private final SiteDown vote = new SiteDown("a", "obs-b", "zone-b", NOW, NOW.minusSeconds(4), 42,
            List.of(new FailingCheck("front", CheckKind.HTTP, new CheckEvidence(503, Duration.ofMillis(12), null, null))),
            Duration.ofSeconds(30), "boot-1");

    @Test
    void theRecordCarriesTheObserversSourceAndASignatureOverItsAttributesAndExactValue() {
        SignedRecords.SignedRecord record = records.of(vote);

        CloudEventAttributes read = CloudEventHeaders.read(record.headers());
        assertThat(read).isEqualTo(record.attributes());
        assertThat(read.source()).isEqualTo("/pra/health-service/obs-b");
        assertThat(read.type()).isEqualTo(EventTypes.SITE_DOWN);
        assertThat(read.subject()).isEqualTo("a");
        assertThat(read.time()).isEqualTo(NOW);
        assertThat(record.key()).isEqualTo("a");
        assertThat(new EventCodec().read(record.value(), read.type())).isEqualTo(vote);

        EventSignature signature = EventSignatures.read(record.headers(), read.type()).orElseThrow();
        assertThat(signature.keyId()).isEqualTo(SigningKeys.keyId(OBS_B.getPublic()));
        assertThat(EventSignatures.verify(OBS_B.getPublic(), read, record.value(), signature)).isTrue();
        assertThat(EventSignatures.verify(SigningKeys.generate().getPublic(), read, record.value(), signature))
                .as("another observer's key").isFalse();
    }

    @Test
    void aChangedByteOfTheValueOrAnotherObserversSourceBreaksTheSignature() {
        SignedRecords.SignedRecord record = records.of(vote);
        CloudEventAttributes read = CloudEventHeaders.read(record.headers());
        EventSignature signature = EventSignatures.read(record.headers(), read.type()).orElseThrow();

        byte[] changed = record.value().clone();
        int at = new String(changed, StandardCharsets.UTF_8).indexOf("\"sequence\":42") + "\"sequence\":".length();
        assertThat(changed[at]).isEqualTo((byte) '4');
        changed[at] = (byte) '9';
        assertThat(EventSignatures.verify(OBS_B.getPublic(), read, changed, signature)).as("sequence 92").isFalse();

        CloudEventAttributes otherSource = new CloudEventAttributes(read.id(), "/pra/health-service/obs-c", read.type(),
                read.subject(), read.time(), read.specVersion(), read.dataContentType());
        assertThat(EventSignatures.verify(OBS_B.getPublic(), otherSource, record.value(), signature)).isFalse();
    }

    @Test
    void everyRecordIsSignedAnew() {
        SignedRecords.SignedRecord first = records.of(vote);
        SignedRecords.SignedRecord second = records.of(vote);

        assertThat(second.attributes().id()).isNotEqualTo(first.attributes().id());
        assertThat(EventSignatures.read(second.headers(), EventTypes.SITE_DOWN).orElseThrow())
                .isNotEqualTo(EventSignatures.read(first.headers(), EventTypes.SITE_DOWN).orElseThrow());
    }
}
