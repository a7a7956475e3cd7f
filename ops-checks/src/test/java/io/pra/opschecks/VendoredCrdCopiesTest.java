package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test kit's copies of the upstream CRDs (and their licences) are byte-identical to the shared reference copies,
 * when those are beside the repository; both folders hold the same files (each has its own README).
 */
class VendoredCrdCopiesTest {

    @Test
    void vendoredCrdsAreTheSharedOnesByteForByte() throws IOException {
        if (!Files.isDirectory(ReferenceCrds.SHARED)) {
            System.out.println("SKIPPED vendored CRD comparison: no " + ReferenceCrds.SHARED);
            return;
        }
        Set<String> shared = files(ReferenceCrds.SHARED);
        assertThat(files(ReferenceCrds.VENDORED)).as("files in %s", ReferenceCrds.VENDORED).isEqualTo(shared);
        List<String> different = new ArrayList<>();
        for (String file : shared) {
            if (Files.mismatch(ReferenceCrds.SHARED.resolve(file), ReferenceCrds.VENDORED.resolve(file)) != -1) {
                different.add(file);
            }
        }
        assertThat(different).as("vendored copies that differ from %s", ReferenceCrds.SHARED).isEmpty();
    }

    /** Relative paths of the files under {@code root}, its top-level README aside. */
    private static Set<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            Set<String> files = new TreeSet<>();
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.equals("README.md")).forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
