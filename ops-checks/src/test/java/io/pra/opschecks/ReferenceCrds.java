package io.pra.opschecks;

import io.pra.testkit.k8s.schema.CustomResourceDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CRDs the checks validate against: the shared reference copies beside the repository ({@code ../shared/crds})
 * when they are there, else the test kit's vendored copies (identical, {@link VendoredCrdCopiesTest}).
 */
final class ReferenceCrds {

    static final Path SHARED = Repo.ROOT.resolve("../shared/crds").normalize();
    static final Path VENDORED = Repo.path("testkit/src/main/resources/" + CustomResourceDefinitions.VENDORED);

    private static CustomResourceDefinitions loaded;

    private ReferenceCrds() {
    }

    static synchronized CustomResourceDefinitions get() {
        if (loaded == null) {
            if (Files.isDirectory(SHARED)) {
                loaded = CustomResourceDefinitions.load(SHARED);
            } else {
                System.out.println("CRDs: " + SHARED + " is absent; validating against the test kit's vendored copies");
                loaded = CustomResourceDefinitions.vendored();
            }
        }
        return loaded;
    }
}
