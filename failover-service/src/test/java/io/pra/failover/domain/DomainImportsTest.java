package io.pra.failover.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Keeps the domain pure (DESIGN section 2): it may import only the JDK and io.pra.events. */
class DomainImportsTest {

    private static final Path DOMAIN = Path.of("src/main/java/io/pra/failover/domain");

    @Test
    void domainImportsOnlyTheJdkAndEvents() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(DomainImportsTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("import (static )?(java\\.|io\\.pra\\.events\\.|io\\.pra\\.failover\\.domain\\.).*"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
