package io.pra.testkit.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file pointing at one fake site, for service processes the drill starts. */
final class Kubeconfig {

    private Kubeconfig() {
    }

    /** One cluster, user and context, all named {@code site-<id>}, with the namespace as context default. */
    static Path write(Path file, String siteId, String url, String namespace, String token) {
        String name = "site-" + siteId;
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: %3$s
                current-context: %1$s
                users:
                - name: %1$s
                  user:
                    token: %4$s
                """.formatted(name, url, namespace, token);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig of site " + siteId + " to " + file, e);
        }
    }
}
