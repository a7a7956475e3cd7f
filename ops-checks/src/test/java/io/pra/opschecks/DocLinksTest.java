package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project stands on its own: no document links outside the repository, and every relative link of a
 * Markdown file points at a file that exists.
 */
class DocLinksTest {

    /** Markdown links {@code [text](target)}; images too. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A path written in code that leaves the repository, as {@code ../shared/DESIGN.md} would. */
    private static final Pattern OUTSIDE = Pattern.compile("`\\.\\./[^`]*`");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            Matcher link = LINK.matcher(Repo.read(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!resolved.startsWith(Repo.ROOT)) {
                    broken.add(Repo.ROOT.relativize(doc) + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(Repo.ROOT.relativize(doc) + ": " + target + " does not exist");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void noDocumentNamesAPathOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            Matcher path = OUTSIDE.matcher(Repo.read(doc));
            while (path.find()) {
                Path resolved = doc.getParent().resolve(path.group().replace("`", "")).normalize();
                if (!resolved.startsWith(Repo.ROOT)) {
                    outside.add(Repo.ROOT.relativize(doc) + ": " + path.group());
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> walk = Files.walk(Repo.ROOT)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !Repo.ROOT.relativize(p).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
