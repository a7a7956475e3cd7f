package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.pra.events.EventJson;

/**
 * The drill's own token issuer: an RSA key pair made at start, whose public key and issuer are handed to
 * failover-service ({@code mp.jwt.verify.*}), and RS256 bearer tokens signed for the operators the scenario
 * plays (roles {@code pra-viewer}, {@code pra-operator}).
 */
final class OperatorTokens {

    static final String ISSUER = "https://pra-drill.local/issuer";

    private final KeyPair keys;

    OperatorTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key pair", e);
        }
    }

    /** Writes the public key as PEM, for {@code mp.jwt.verify.publickey.location}. */
    Path writePublicKey(Path file) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A token for {@code operator}, valid one hour. */
    String token(String operator, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", "pra-drill");
        Map<String, Object> claims = Map.of("iss", ISSUER, "sub", operator, "upn", operator,
                "preferred_username", operator, "groups", roles, "iat", now, "exp", now + 3600,
                "jti", UUID.randomUUID().toString());
        String signingInput = base64(json(header)) + "." + base64(json(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    String operatorToken(String operator) {
        return token(operator, List.of("pra-viewer", "pra-operator"));
    }

    private static byte[] json(Object value) {
        try {
            return EventJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
