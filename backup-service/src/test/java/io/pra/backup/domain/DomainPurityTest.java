package io.pra.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The domain package imports only the JDK, the event contracts and itself (DESIGN section 2). */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src", "main", "java", "io", "pra", "backup", "domain");

    @Test
    void domainImportsOnlyTheJdkAndEvents() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            imports = files.filter(file -> file.toString().endsWith(".java")).flatMap(DomainPurityTest::lines)
                    .filter(line -> line.startsWith("import ")).toList();
        }

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("import (static )?(java\\.|io\\.pra\\.events\\.|io\\.pra\\.backup\\.domain\\.).*"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
