package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.testkit.site.rbac.DeployRbac;
import io.pra.testkit.site.rbac.RbacPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fake sites enforce is what PRA ships: the Roles, ClusterRoles and bindings the test kit reads from
 * {@code deploy/} without kubectl equal those {@code kubectl kustomize} renders, rule for rule and subject for subject.
 */
class RbacRenderedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b"})
    void theFakeSitesLoadTheRbacOfTheRenderedOverlay(String overlay) {
        Manifests rendered = Manifests.render(overlay);
        List<String> fromKubectl = new ArrayList<>();
        for (String kind : DeployRbac.KINDS) {
            rendered.ofKind(kind).forEach(object -> fromKubectl.add(describe(object)));
        }
        List<String> fromTestKit = RbacPolicy.shipped(Repo.ROOT, overlay).objects().stream()
                .map(object -> describe(JSON.<JsonNode>valueToTree(object))).toList();

        assertThat(fromKubectl).as("RBAC objects of %s rendered by kubectl", overlay).isNotEmpty();
        assertThat(fromTestKit).as("what the fake sites enforce for %s", overlay)
                .containsExactlyInAnyOrderElementsOf(fromKubectl);
    }

    /** What an authorizer reads of an RBAC object, one line: kind, namespace/name, rules or role and subjects. */
    private static String describe(JsonNode object) {
        StringBuilder line = new StringBuilder(object.path("kind").asText()).append(' ')
                .append(object.path("metadata").path("namespace").asText("")).append('/')
                .append(object.path("metadata").path("name").asText());
        for (JsonNode rule : elements(object.path("rules"))) {
            line.append(" rule{groups=").append(strings(rule.path("apiGroups")))
                    .append(" resources=").append(strings(rule.path("resources")))
                    .append(" names=").append(strings(rule.path("resourceNames")))
                    .append(" urls=").append(strings(rule.path("nonResourceURLs")))
                    .append(" verbs=").append(strings(rule.path("verbs"))).append('}');
        }
        if (object.has("roleRef")) {
            line.append(" role=").append(object.path("roleRef").path("kind").asText()).append('/')
                    .append(object.path("roleRef").path("name").asText());
        }
        for (JsonNode subject : elements(object.path("subjects"))) {
            line.append(" subject=").append(subject.path("kind").asText()).append(':')
                    .append(subject.path("namespace").asText("")).append('/').append(subject.path("name").asText());
        }
        return line.toString();
    }

    private static String strings(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).collect(Collectors.joining(",", "[", "]"));
    }
}
