package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * terraform fmt and validate on infra/terraform. validate needs the AWS provider: it is taken from a local
 * filesystem mirror (a directory holding terraform-provider-aws, TF_PLUGIN_MIRROR or /opt/tf-plugins), never
 * downloaded; without a mirror validate is skipped with a printed reason, and fmt still runs.
 */
class TerraformIT {

    private static final Path TERRAFORM = Repo.path("infra/terraform");
    private static final Path SITE_B = TERRAFORM.resolve("site-b");

    @Test
    void codeIsFormatted() {
        Tool.run(TERRAFORM, "terraform", "fmt", "-check", "-recursive", "-diff").assertSuccess();
    }

    @Test
    void siteBValidatesAgainstTheAwsProvider(@TempDir Path work) throws IOException {
        Tool.require("terraform");
        Optional<Path> mirror = pluginMirror();
        if (mirror.isEmpty()) {
            System.out.println("SKIPPED terraform validate: no terraform-provider-aws in a local mirror"
                    + " (set TF_PLUGIN_MIRROR to a -plugin-dir root, e.g. /opt/tf-plugins); fmt was still checked");
            return;
        }
        copy(SITE_B, work);
        Map<String, String> env = Map.of("TF_IN_AUTOMATION", "1", "CHECKPOINT_DISABLE", "1");
        Tool.run(work, env, 180, "terraform", "init", "-backend=false", "-input=false",
                "-plugin-dir=" + mirror.get()).assertSuccess();
        String output = Tool.run(work, env, 120, "terraform", "validate", "-no-color").assertSuccess().output();
        assertThat(output).contains("The configuration is valid");
    }

    static Optional<Path> pluginMirror() throws IOException {
        String configured = System.getenv("TF_PLUGIN_MIRROR");
        Path root = Path.of(configured == null || configured.isBlank() ? "/opt/tf-plugins" : configured);
        Path aws = root.resolve("registry.terraform.io/hashicorp/aws");
        if (!Files.isDirectory(aws)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(aws)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("terraform-provider-aws"))
                    ? Optional.of(root) : Optional.empty();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(p -> !p.toString().contains("/.terraform")).forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
