package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No key, certificate or other PEM material where an installation's would go: deploy/, infra/ and docs/ tell how to
 * make and install the observers' keys (deploy/README.md, "Observers"), they never hold one, public halves included.
 */
class NoKeyMaterialTest {

    @Test
    void deployInfraAndDocsHoldNoPemBlock() {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("deploy", "infra", "docs")) {
            for (Path file : Repo.files(Repo.path(dir), "")) {
                String relative = Repo.ROOT.relativize(file).toString();
                // Tools' working directories (.terraform, ...) are not the repository's.
                if (!relative.contains("/.") && bytes(file).contains("-----BEGIN ")) {
                    found.add(relative);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
