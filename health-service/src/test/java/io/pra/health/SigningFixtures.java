package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.signing.EventSignature;
import io.pra.events.signing.EventSignatures;
import io.pra.events.signing.SigningKeys;
import io.pra.testkit.launch.SigningKeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/** The observers' key pairs in the tests: made at test time in temporary files (no key is committed), and checks. */
final class SigningFixtures {

    private SigningFixtures() {
    }

    /** A fresh key pair for an observer under test, in two PEM files of {@code dir} (made now, never committed). */
    static SigningKeyFiles signingKeys(Path dir, String observer) {
        KeyPair pair = SigningKeys.generate();
        return SigningKeyFiles.write(dir, observer, SigningKeys.pem(pair.getPrivate()), SigningKeys.pem(pair.getPublic()));
    }

    /** The settings that give the service its key pair. */
    static Map<String, String> signingConfig(SigningKeyFiles keys) {
        return Map.of("pra.health.signing.private-key-file", keys.privateKey().toString(),
                "pra.health.signing.public-key-file", keys.publicKey().toString());
    }

    /** The observer's public key, read from the file the application was given (pra.health.signing.public-key-file). */
    static PublicKey observerPublicKey() {
        String file = ConfigProvider.getConfig().getValue("pra.health.signing.public-key-file", String.class);
        try {
            return SigningKeys.publicKey(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The base64 body of the observer's private key file: text that must never appear in what the service shows. */
    static String observerPrivateKeyBody() {
        String file = ConfigProvider.getConfig().getValue("pra.health.signing.private-key-file", String.class);
        try {
            return Files.readString(Path.of(file)).lines().filter(line -> !line.startsWith("-----"))
                    .reduce("", String::concat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Checks a record read from the broker as failover-service will: signed by {@code key} over its attributes and its
     * value as received, and its source naming the observer.
     */
    static void assertSignedBy(HealthTopic.Received record, PublicKey key) {
        EventSignature signature = EventSignatures.read(record.headers(), record.attributes().type()).orElseThrow(
                () -> new AssertionError("unsigned " + record.attributes().type() + " " + record.attributes().id()));
        assertThat(signature.keyId()).isEqualTo(SigningKeys.keyId(key));
        assertThat(EventSignatures.verify(key, record.attributes(), record.value(), signature))
                .as("signature of %s %s", record.attributes().type(), record.attributes().id()).isTrue();
        assertThat(record.attributes().source()).isEqualTo("/pra/health-service/" + HealthFixtures.OBSERVER);
    }

    /** Whether the record's signature still verifies once one byte of its value is changed (it must not). */
    static boolean verifiesWithOneByteChanged(HealthTopic.Received record, PublicKey key) {
        byte[] changed = record.value().clone();
        changed[changed.length / 2] ^= 0x01;
        EventSignature signature = EventSignatures.read(record.headers(), record.attributes().type()).orElseThrow();
        return EventSignatures.verify(key, record.attributes(), changed, signature);
    }

    /** A new temporary directory for test keys. */
    static Path newKeyDirectory() {
        try {
            return Files.createTempDirectory("health-test-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the test keys", e);
        }
    }

    /** Removes a directory of key files and the files in it. */
    static void deleteKeys(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test keys in " + dir, e);
        }
    }
}
