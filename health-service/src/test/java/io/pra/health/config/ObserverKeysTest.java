package io.pra.health.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pra.events.signing.EventSigner;
import io.pra.events.signing.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the observer's key pair at start: every fault stops the start, naming the setting, never the key. */
class ObserverKeysTest {

    @TempDir
    Path dir;

    private final KeyPair pair = SigningKeys.generate();

    @Test
    void aMatchingPairGivesASignerNamedByItsPublicKey() throws IOException {
        EventSigner signer = ObserverKeys.signer(files(write("private.pem", SigningKeys.pem(pair.getPrivate())),
                write("public.pem", SigningKeys.pem(pair.getPublic()))));

        assertThat(signer.keyId()).isEqualTo(SigningKeys.keyId(pair.getPublic()));
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused() throws IOException {
        KeyPair other = SigningKeys.generate();
        Path publicFile = write("public.pem", SigningKeys.pem(other.getPublic()));

        String message = refused(files(write("private.pem", SigningKeys.pem(pair.getPrivate())), publicFile));

        assertThat(message).contains("pra.health.signing.public-key-file: the public key "
                + SigningKeys.keyId(other.getPublic()) + " in " + publicFile + " does not belong to the private key of "
                + "pra.health.signing.private-key-file");
    }

    @Test
    void aMissingFileIsRefusedNamingTheSettingAndTheFile() throws IOException {
        Path missing = dir.resolve("nowhere.pem");

        String message = refused(files(missing, write("public.pem", SigningKeys.pem(pair.getPublic()))));

        assertThat(message).contains("pra.health.signing.private-key-file: cannot read " + missing
                + " (NoSuchFileException)").doesNotContain("public-key-file");
    }

    @Test
    void noKeyAtAllIsRefusedNamingBothSettingsAndTheirVariables() {
        String message = refused(new KeySettings(Optional.empty(), Optional.of(" ")));

        assertThat(message)
                .contains("pra.health.signing.private-key-file is not set (environment variable "
                        + "PRA_HEALTH_SIGNING_PRIVATE_KEY_FILE)")
                .contains("pra.health.signing.public-key-file is not set (environment variable "
                        + "PRA_HEALTH_SIGNING_PUBLIC_KEY_FILE)")
                .contains("openssl genpkey -algorithm ed25519");
    }

    @Test
    void keysInTheWrongSlotOrFormatAreRefused() throws IOException, NoSuchAlgorithmException {
        // The halves swapped: each file holds the other PEM label.
        assertThat(refused(files(write("a.pem", SigningKeys.pem(pair.getPublic())),
                write("b.pem", SigningKeys.pem(pair.getPrivate())))))
                .contains("pra.health.signing.private-key-file: " + dir.resolve("a.pem") + " is not usable: a PRIVATE "
                        + "KEY PEM block expected, found PUBLIC KEY")
                .contains("pra.health.signing.public-key-file: " + dir.resolve("b.pem") + " is not usable: a PUBLIC "
                        + "KEY PEM block expected, found PRIVATE KEY");
        // Not PEM at all (DER bytes, say).
        Path der = dir.resolve("der.key");
        Files.write(der, pair.getPrivate().getEncoded());
        assertThat(refused(files(der, write("public.pem", SigningKeys.pem(pair.getPublic())))))
                .contains("pra.health.signing.private-key-file: " + der + " is not usable: no PEM block found");
        // PEM of another algorithm: an RSA key in PKCS #8.
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaFile = write("rsa.pem", SigningKeys.pem(rsa.generateKeyPair().getPrivate()));
        assertThat(refused(files(rsaFile, write("public.pem", SigningKeys.pem(pair.getPublic())))))
                .contains("pra.health.signing.private-key-file: " + rsaFile + " is not usable: not an Ed25519 private "
                        + "key (PKCS #8 PEM expected)");
    }

    /** The refusal's message, checked to carry no key material whatever the fault. */
    private String refused(HealthConfig.Signing signing) {
        InvalidHealthConfigException refusal = catchThrowableOfType(InvalidHealthConfigException.class,
                () -> ObserverKeys.signer(signing));
        assertThat(refusal).as("refused").isNotNull();
        String message = refusal.getMessage();
        assertThat(message).doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .doesNotContain(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(refusal.getCause()).isNull();
        return message;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static KeySettings files(Path privateKey, Path publicKey) {
        return new KeySettings(Optional.of(privateKey.toString()), Optional.of(publicKey.toString()));
    }

    /** The two settings as SmallRye would give them. */
    private record KeySettings(Optional<String> privateKeyFile, Optional<String> publicKeyFile)
            implements HealthConfig.Signing {
    }
}
