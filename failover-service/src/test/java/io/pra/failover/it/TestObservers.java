package io.pra.failover.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;
import io.pra.failover.domain.VoteAdmission;

/**
 * The test observers {@code obs-1} (site-a), {@code obs-2} (site-b) and {@code obs-3} (witness): key pairs generated
 * at test time into files (no key material in the repository), the settings that give failover-service their public
 * keys and domains, and their votes signed as health-service signs them.
 */
final class TestObservers {

    /** Observers and their failure domains. */
    static final Map<String, String> DOMAINS = Map.of("obs-1", "site-a", "obs-2", "site-b", "obs-3", "witness");

    private static final String PUBLIC = ".pub.pem";
    private static final String PRIVATE = ".key.pem";
    private static final EventCodec CODEC = new EventCodec();

    private final Map<String, KeyPair> keys;

    private TestObservers(Map<String, KeyPair> keys) {
        this.keys = keys;
    }

    /** New key pairs in a fresh directory, and the failover-service settings naming the observers and their keys. */
    static Map<String, String> settings() {
        try {
            Path dir = Files.createTempDirectory("pra-observer-keys");
            dir.toFile().deleteOnExit();
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map.Entry<String, String> observer : DOMAINS.entrySet()) {
                KeyPair pair = SigningKeys.generate();
                Path publicKey = write(dir.resolve(observer.getKey() + PUBLIC), SigningKeys.pem(pair.getPublic()));
                write(dir.resolve(observer.getKey() + PRIVATE), SigningKeys.pem(pair.getPrivate()));
                String prefix = "pra.failover.observers.\"" + observer.getKey() + "\".";
                settings.put(prefix + "domain", observer.getValue());
                settings.put(prefix + "public-keys", publicKey.toString());
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test observers' keys", e);
        }
    }

    /** The observers whose public keys the running service was given (their private keys sit beside them). */
    static TestObservers fromConfig() {
        Map<String, KeyPair> keys = new HashMap<>();
        for (String observer : DOMAINS.keySet()) {
            String publicKey = ConfigProvider.getConfig().getValue("pra.failover.observers.\"" + observer
                    + "\".public-keys", String.class);
            String privateKey = publicKey.substring(0, publicKey.length() - PUBLIC.length()) + PRIVATE;
            keys.put(observer, SigningKeys.keyPair(read(privateKey), read(publicKey)));
        }
        return new TestObservers(keys);
    }

    /** The attributes health-service gives a vote of {@code observer} at {@code time}: source names the observer. */
    static CloudEventAttributes attributes(PraEvent vote, Instant time) {
        return new CloudEventFactory("health-service", observerOf(vote), Clock.fixed(time, ZoneOffset.UTC))
                .attributesFor(vote);
    }

    /** Signs a vote record's headers as its observer does. */
    void sign(Headers headers, CloudEventAttributes attributes, byte[] data) {
        signAs(observerOf(attributes), headers, attributes, data);
    }

    /** Signs a vote record's headers with {@code signer}'s key, whoever the vote claims to come from. */
    void signAs(String signer, Headers headers, CloudEventAttributes attributes, byte[] data) {
        KeyPair pair = keys.get(signer);
        if (pair == null) {
            throw new IllegalArgumentException("no key pair for observer " + signer);
        }
        new EventSigner(pair).signInto(headers, attributes, data);
    }

    /** A vote as the consumer hands it to admission: signed by its observer, appended by the broker at {@code at}. */
    VoteAdmission.Candidate candidate(PraEvent vote, Instant at) {
        CloudEventAttributes attributes = attributes(vote, at);
        byte[] data = CODEC.write(vote);
        return new VoteAdmission.Candidate(attributes, data,
                Optional.of(new EventSigner(keys.get(observerOf(vote))).sign(attributes, data)), null, vote, at, at);
    }

    private static String observerOf(PraEvent vote) {
        return vote instanceof SiteDown down ? down.observerId() : ((SiteUp) vote).observerId();
    }

    private static String observerOf(CloudEventAttributes attributes) {
        return attributes.source().substring(attributes.source().lastIndexOf('/') + 1);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
