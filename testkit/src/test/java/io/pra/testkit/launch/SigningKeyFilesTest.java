package io.pra.testkit.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFilesTest {

    private static final String PRIVATE_PEM = "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n";
    private static final String PUBLIC_PEM = "-----BEGIN PUBLIC KEY-----\nnot-a-real-key\n-----END PUBLIC KEY-----\n";

    @TempDir
    Path dir;

    @Test
    void writesBothFilesReadableByTheirOwnerOnlyInADirectoryOfTheirOwner() throws IOException {
        Path keys = dir.resolve("observer-keys");

        SigningKeyFiles files = SigningKeyFiles.write(keys, "obs-b", PRIVATE_PEM, PUBLIC_PEM);

        assertThat(files.privateKey()).isEqualTo(keys.resolve("obs-b-signing-private.pem")).content()
                .isEqualTo(PRIVATE_PEM);
        assertThat(files.publicKey()).isEqualTo(keys.resolve("obs-b-signing-public.pem")).content().isEqualTo(PUBLIC_PEM);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.publicKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void aSecondPairReplacesTheFirst() {
        SigningKeyFiles.write(dir, "obs-b", PRIVATE_PEM, PUBLIC_PEM);

        SigningKeyFiles files = SigningKeyFiles.write(dir, "obs-b", PRIVATE_PEM.replace("not", "new"),
                PUBLIC_PEM.replace("not", "new"));

        assertThat(files.privateKey()).content().contains("new-a-real-key");
    }

    @Test
    void theLaunchRendersTheFilesAsTheTwoSettingsWithAbsolutePaths() {
        SigningKeyFiles files = new SigningKeyFiles(Path.of("keys/private.pem"), Path.of("keys/public.pem"));

        LaunchSettings settings = new ObserverLaunch("obs", 20_002, "127.0.0.1:9092").signingKeys(files).settings();

        assertThat(settings.properties())
                .containsEntry("pra.health.signing.private-key-file", files.privateKey().toAbsolutePath().toString())
                .containsEntry("pra.health.signing.public-key-file", files.publicKey().toAbsolutePath().toString());
        assertThat(files.privateKey().toAbsolutePath()).isAbsolute();
    }
}
