package io.pra.health.config;

import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the observer's key pair from {@code pra.health.signing.*} at start. Anything wrong (a file not set, missing or
 * unreadable, not an Ed25519 key in the expected PEM form, or a public key of another pair) is an
 * {@link InvalidHealthConfigException} naming the setting and the file, never the key material.
 */
public final class ObserverKeys {

    private static final String PRIVATE_KEY_FILE = "pra.health.signing.private-key-file";
    private static final String PUBLIC_KEY_FILE = "pra.health.signing.public-key-file";
    private static final String HOW_TO_MAKE = "make a pair with 'openssl genpkey -algorithm ed25519 -out private.pem' "
            + "and 'openssl pkey -in private.pem -pubout -out public.pem'";

    private final List<String> problems = new ArrayList<>();

    private ObserverKeys() {
    }

    /** The signer of this observer's events, or {@link InvalidHealthConfigException} naming every wrong setting. */
    public static EventSigner signer(HealthConfig.Signing signing) {
        ObserverKeys keys = new ObserverKeys();
        PrivateKey privateKey = keys.read(PRIVATE_KEY_FILE, signing.privateKeyFile(), SigningKeys::privateKey);
        PublicKey publicKey = keys.read(PUBLIC_KEY_FILE, signing.publicKeyFile(), SigningKeys::publicKey);
        if (keys.problems.isEmpty()) {
            try {
                return new EventSigner(new KeyPair(publicKey, privateKey));
            } catch (IllegalArgumentException e) {
                keys.problems.add(PUBLIC_KEY_FILE + ": the public key " + SigningKeys.keyId(publicKey) + " in "
                        + signing.publicKeyFile().orElseThrow() + " does not belong to the private key of "
                        + PRIVATE_KEY_FILE + " (" + signing.privateKeyFile().orElseThrow() + ")");
            }
        }
        throw new InvalidHealthConfigException("invalid health-service signing key: " + String.join("; ", keys.problems)
                + ". Every observer signs what it publishes with its own Ed25519 key (failover-service refuses "
                + "unsigned votes); " + HOW_TO_MAKE);
    }

    private <K> K read(String setting, Optional<String> file, Function<String, K> parse) {
        if (file.isEmpty() || file.get().isBlank()) {
            problems.add(setting + " is not set (environment variable " + environmentVariable(setting) + ")");
            return null;
        }
        String pem;
        try {
            // Any bytes decode: a binary file is then "no PEM block", not an unreadable file.
            pem = new String(Files.readAllBytes(Path.of(file.get())), StandardCharsets.ISO_8859_1);
        } catch (IOException | InvalidPathException e) {
            problems.add(setting + ": cannot read " + file.get() + " (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        try {
            return parse.apply(pem);
        } catch (IllegalArgumentException e) {
            // SigningKeys' messages never echo key material; the cause's are not repeated.
            problems.add(setting + ": " + file.get() + " is not usable: " + e.getMessage());
            return null;
        }
    }

    private static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
