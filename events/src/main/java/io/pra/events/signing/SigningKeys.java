package io.pra.events.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the PEM forms {@code openssl genpkey -algorithm ed25519} writes: {@code PRIVATE KEY} (PKCS #8) and
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, from {@code openssl pkey -pubout}). Error messages never echo key
 * material.
 */
public final class SigningKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final int KEY_ID_HEX_LENGTH = 16;

    private SigningKeys() {
    }

    /** A new key pair, for tests and drills. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(EventSignatures.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(EventSignatures.ALGORITHM + " is not available in this JDK", e);
        }
    }

    /** The key pair of a PKCS #8 {@code PRIVATE KEY} PEM (an Ed25519 private key carries its public half). */
    public static KeyPair keyPair(String privateKeyPem, String publicKeyPem) {
        return new KeyPair(publicKey(publicKeyPem), privateKey(privateKeyPem));
    }

    public static PrivateKey privateKey(String pem) {
        byte[] der = der(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(EventSignatures.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS #8 PEM expected)", e);
        }
    }

    public static PublicKey publicKey(String pem) {
        byte[] der = der(pem, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(EventSignatures.ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 PEM expected)", e);
        }
    }

    /** The PEM text of a key: {@code PRIVATE KEY} for a private key, {@code PUBLIC KEY} for a public one. */
    public static String pem(Key key) {
        String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                key.getEncoded());
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, KEY_ID_HEX_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** True when {@code signature} is {@code key}'s Ed25519 signature of {@code bytes}; false for any other key type. */
    static boolean verifies(PublicKey key, byte[] bytes, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(EventSignatures.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] der(String pem, String label) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("empty key: a " + label + " PEM block expected");
        }
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no PEM block found: a '-----BEGIN " + label + "-----' block expected");
        }
        if (!matcher.group(1).equals(label)) {
            throw new IllegalArgumentException("a " + label + " PEM block expected, found " + matcher.group(1));
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " PEM block is not valid base64");
        }
    }
}
