package io.pra.testkit.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An observer's Ed25519 key pair as the two PEM files health-service reads at start
 * ({@code pra.health.signing.private-key-file}, {@code pra.health.signing.public-key-file}).
 *
 * @param privateKey PKCS #8 {@code PRIVATE KEY} PEM file
 * @param publicKey  X.509 {@code PUBLIC KEY} PEM file of the same pair
 */
public record SigningKeyFiles(Path privateKey, Path publicKey) {

    /**
     * Writes a key pair's PEM texts to {@code <dir>/<name>-signing-private.pem} and {@code -public.pem}, readable by
     * their owner only (where the file system has POSIX permissions), as is {@code dir} when this creates it. The test kit takes the PEM texts rather than
     * making the keys: key making lives once, in the events module ({@code SigningKeys.generate()} and
     * {@code SigningKeys.pem}), on which the test kit does not depend.
     */
    public static SigningKeyFiles write(Path dir, String name, String privateKeyPem, String publicKeyPem) {
        return new SigningKeyFiles(ownerOnly(dir.resolve(name + "-signing-private.pem"), privateKeyPem),
                ownerOnly(dir.resolve(name + "-signing-public.pem"), publicKeyPem));
    }

    private static Path ownerOnly(Path file, String text) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Files.deleteIfExists(file);
            // Created with its permissions, so the key is never readable by others, not even for a moment.
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
    }
}
