package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static io.pra.opschecks.Manifests.id;
import static io.pra.opschecks.Manifests.name;
import static io.pra.opschecks.Manifests.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay (site A, site B, the witness) renders with kubectl kustomize, and its workloads are HA, bounded and least-privileged. */
class KustomizeOverlaysIT {

    private static final Set<String> POWERFUL_ROLES = Set.of("cluster-admin", "admin", "edit");

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void everyDeploymentIsHighlyAvailableWithProbesAndLimits(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<JsonNode> deployments = manifests.ofKind("Deployment");
        assertThat(deployments).as("Deployments of %s", overlay).isNotEmpty();
        for (JsonNode deployment : deployments) {
            String id = id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(deployment.path("spec").path("replicas").asInt()).as("%s replicas", id).isGreaterThanOrEqualTo(2);
            assertThat(elements(pod.path("topologySpreadConstraints"))).as("%s topology spread", id).isNotEmpty();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", id).isTrue();
            for (JsonNode container : elements(pod.path("containers"))) {
                String where = id + " container " + container.path("name").asText();
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as("%s liveness", where).isEqualTo("/q/health/live");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as("%s readiness", where).isEqualTo("/q/health/ready");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(container.at("/resources/limits/" + resource).asText()).as("%s limits.%s", where, resource).isNotEmpty();
                    assertThat(container.at("/resources/requests/" + resource).asText()).as("%s requests.%s", where, resource).isNotEmpty();
                }
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                        .as("%s allowPrivilegeEscalation", where).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void everyDeploymentHasItsOwnServiceAccountWithoutAdminRights(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String account = deployment.at("/spec/template/spec/serviceAccountName").asText();
            assertThat(account).as("%s serviceAccountName", id(deployment)).isNotEmpty().isNotEqualTo("default");
            assertThat(manifests.find("ServiceAccount", namespace(deployment), account))
                    .as("ServiceAccount %s of %s is in the overlay", account, id(deployment)).isPresent();
        }
        for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
            for (JsonNode binding : manifests.ofKind(kind)) {
                assertThat(binding.at("/roleRef/name").asText()).as("%s role", id(binding)).isNotIn(POWERFUL_ROLES);
            }
        }
    }

    /** The witness's cluster gets no Role: its observer never calls that cluster's API. */
    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b"})
    void rolesNameEveryVerbResourceAndGroup(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        List<JsonNode> roles = new ArrayList<>(manifests.ofKind("Role"));
        roles.addAll(manifests.ofKind("ClusterRole"));
        assertThat(roles).isNotEmpty();
        for (JsonNode role : roles) {
            for (JsonNode rule : elements(role.path("rules"))) {
                for (String field : List.of("verbs", "resources", "apiGroups", "nonResourceURLs")) {
                    assertThat(elements(rule.path(field))).as("%s %s", id(role), field)
                            .noneMatch(value -> value.asText().contains("*"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void everyPodHasADisruptionBudgetAndANetworkPolicy(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            assertThat(manifests.ofKind("PodDisruptionBudget")).as("PDB selecting %s", id(deployment))
                    .anyMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), labels));
            assertThat(manifests.ofKind("NetworkPolicy")).as("NetworkPolicy selecting %s", id(deployment))
                    .anyMatch(policy -> selects(policy.at("/spec/podSelector/matchLabels"), labels));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void imagesComeFromTheImagesComponentWithAPinnedTag(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, String> images = new HashMap<>();
        JsonNode component = Manifests.parse(Repo.read(Repo.path("deploy/components/images/kustomization.yaml"))).get(0);
        for (JsonNode image : elements(component.path("images"))) {
            images.put(image.path("newName").asText(), image.path("newTag").asText());
        }
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : elements(deployment.at("/spec/template/spec/containers"))) {
                String image = container.path("image").asText();
                int colon = image.lastIndexOf(':');
                assertThat(colon).as("%s image %s has a tag", id(deployment), image).isPositive();
                assertThat(images).as("%s image %s is set in deploy/components/images", id(deployment), image)
                        .containsEntry(image.substring(0, colon), image.substring(colon + 1));
                assertThat(image).doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void noSecretCarriesData(String overlay) {
        for (JsonNode secret : Manifests.render(overlay).ofKind("Secret")) {
            assertThat(secret.has("data") || secret.has("stringData")).as("%s carries data", id(secret)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void observersHaveTheirOwnIdAndFailureDomain(String overlay) {
        Map<String, String> domains = observers(Manifests.render(overlay));
        assertThat(domains).as("observers of %s", overlay).isNotEmpty();
        assertThat(Set.copyOf(domains.values())).as("failure domains of %s", overlay).hasSameSizeAs(domains.values());
    }

    static Map<String, String> observers(Manifests manifests) {
        Map<String, String> domains = new HashMap<>();
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            Map<String, String> env = new HashMap<>();
            elements(deployment.at("/spec/template/spec/containers/0/env"))
                    .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            if (env.containsKey("PRA_HEALTH_OBSERVER_ID")) {
                String observer = env.get("PRA_HEALTH_OBSERVER_ID");
                assertThat(domains).as("observer id %s used twice", observer).doesNotContainKey(observer);
                assertThat(name(deployment)).endsWith("-" + observer);
                domains.put(observer, env.get("PRA_HEALTH_FAILURE_DOMAIN"));
            }
        }
        return domains;
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        selector.fields().forEachRemaining(wanted::add);
        return wanted.stream().allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText()));
    }
}
