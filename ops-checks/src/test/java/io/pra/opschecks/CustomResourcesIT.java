package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pra.testkit.k8s.schema.Admission;
import io.pra.testkit.k8s.schema.ManifestValidator;
import io.pra.testkit.k8s.schema.UnknownFields;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of each overlay, as a Kubernetes 1.35 API server with the CRDs of the releases infra/ installs would
 * take it with strict field validation ({@code kubectl apply --validate=strict}): custom resources against their CRD's
 * served version's schema, built-in kinds through fabric8's typed model; unknown fields, unserved versions and
 * unknown kinds refused. A fixture of broken objects proves that the check bites.
 */
class CustomResourcesIT {

    private static final ManifestValidator STRICT = new ManifestValidator(ReferenceCrds.get(), UnknownFields.REJECT);

    @ParameterizedTest
    @ValueSource(strings = {"site-a", "site-b", "witness"})
    void everyObjectIsAcceptedAsWritten(String overlay) {
        List<Admission> admissions = STRICT.admitAll(Manifests.render(overlay).objects());
        assertThat(admissions).filteredOn(a -> !a.accepted()).extracting(Admission::report).as("objects of %s refused", overlay)
                .isEmpty();
        assertThat(admissions).flatExtracting(Admission::uncheckedRules).as("validation rules not evaluated").isEmpty();
    }

    @Test
    void theCustomResourcesOfSiteBAreCheckedAgainstTheirCrds() {
        Map<String, Long> kinds = Manifests.render("site-b").objects().stream()
                .filter(o -> ReferenceCrds.get().find(group(o), o.path("kind").asText()).isPresent())
                .collect(Collectors.groupingBy(o -> o.path("kind").asText(), Collectors.counting()));
        assertThat(kinds).containsKeys("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ServiceMonitor", "PrometheusRule",
                "BackupStorageLocation");
    }

    @Test
    void brokenObjectsAreRefusedNamingTheObjectAndTheField() {
        List<JsonNode> objects = Manifests.parse(Repo.read(Repo.path("ops-checks/src/test/resources/refused/broken-manifests.yaml")));
        List<Admission> admissions = STRICT.admitAll(objects);
        assertThat(admissions).hasSize(6).noneMatch(Admission::accepted);
        Map<String, String> reports = admissions.stream().collect(Collectors.toMap(Admission::object, Admission::report));
        assertThat(reports.get("KafkaTopic pra/pra-backup (kafka.strimzi.io/v1)"))
                .contains("spec.retention: unknown field \"spec.retention\"");
        assertThat(reports.get("KafkaUser pra/notifier-service (kafka.strimzi.io/v1)"))
                .contains("spec.authorization.acls[0].operations: must be of type array: \"string\"");
        assertThat(reports.get("KafkaNodePool pra/dual-role (kafka.strimzi.io/v1)")).contains("spec.storage: Required value");
        assertThat(reports.get("Kafka pra/pra (kafka.strimzi.io/v1beta2)"))
                .contains("apiVersion: version v1beta2 of Kafka.kafka.strimzi.io is not served (served: v1;");
        assertThat(reports.get("Deployment pra/backup-service (apps/v1)"))
                .contains("spec.template.spec.containers[0].readinessProbe.periodSecond: unknown field");
        assertThat(reports.get("Certificate pra/pra-kafka (cert-manager.io/v1)"))
                .contains("kind: no CustomResourceDefinition defines Certificate in cert-manager.io");
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}
