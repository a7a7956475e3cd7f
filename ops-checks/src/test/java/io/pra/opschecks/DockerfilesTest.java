package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Dockerfile.jvm: pinned base image, Quarkus fast-jar layout, non-root user, its own port. */
class DockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{[A-Z_]+:(\\d+)}");
    private static final Pattern PINNED = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:[0-9]+(\\.[0-9]+)+-[0-9][0-9.]*)$");

    static List<String> services() {
        return Repo.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void baseImageIsPinnedAndTheUserIsNotRoot(String service) {
        String dockerfile = dockerfile(service);
        Matcher from = FROM.matcher(dockerfile);
        assertThat(from.find()).as("%s has a FROM", service).isTrue();
        assertThat(from.group(1)).as("%s base image pinned by digest or exact version-release tag", service).matches(PINNED);

        List<String> users = USER.matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertThat(users).as("%s USER", service).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0");
        assertThat(dockerfile.lastIndexOf("USER ")).as("%s switches user after the COPYs", service)
                .isGreaterThan(dockerfile.lastIndexOf("COPY "));
    }

    @ParameterizedTest
    @MethodSource("services")
    void copiesTheQuarkusFastJarLayoutAndExposesTheServicePort(String service) {
        String dockerfile = dockerfile(service);
        for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertThat(dockerfile).as("%s copies %s", service, part).containsPattern("(?m)^COPY .*" + Pattern.quote(part));
        }
        assertThat(dockerfile).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        Matcher port = PORT.matcher(Repo.read(Repo.path(service + "/src/main/resources/application.properties")));
        Matcher expose = EXPOSE.matcher(dockerfile);
        assertThat(port.find() && expose.find()).as("%s EXPOSE and quarkus.http.port", service).isTrue();
        assertThat(expose.group(1)).isEqualTo(port.group(1));
        assertThat(Repo.read(Repo.path("deploy/components/images/kustomization.yaml")))
                .as("image of %s set in deploy/components/images", service).contains("name: pra/" + service);
    }

    private static String dockerfile(String service) {
        Path file = Repo.path(service + "/src/main/docker/Dockerfile.jvm");
        assertThat(file).as("%s Dockerfile.jvm", service).exists();
        return Repo.read(file);
    }
}
