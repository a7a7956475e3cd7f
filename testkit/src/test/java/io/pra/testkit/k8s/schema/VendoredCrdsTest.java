package io.pra.testkit.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit's copies of the upstream CRDs load, and say what the README says. */
class VendoredCrdsTest {

    @Test
    void everyVendoredCrdLoadsWithOneStorageVersionAndAServedOne() {
        CustomResourceDefinitions crds = CustomResourceDefinitions.vendored();
        assertThat(crds.all()).extracting(d -> d.kind() + "." + d.group()).containsExactlyInAnyOrder(
                "DNSEndpoint.externaldns.k8s.io",
                "PrometheusRule.monitoring.coreos.com", "ServiceMonitor.monitoring.coreos.com",
                "Kafka.kafka.strimzi.io", "KafkaTopic.kafka.strimzi.io", "KafkaUser.kafka.strimzi.io", "KafkaNodePool.kafka.strimzi.io",
                "Backup.velero.io", "BackupStorageLocation.velero.io", "DataDownload.velero.io", "DeleteBackupRequest.velero.io",
                "PodVolumeRestore.velero.io", "Restore.velero.io", "Schedule.velero.io", "VolumeSnapshotLocation.velero.io");
        for (CustomResourceDefinitions.Definition definition : crds.all()) {
            assertThat(definition.versions()).as(definition.source()).filteredOn(CustomResourceDefinitions.Version::storage).hasSize(1);
            assertThat(definition.servedVersions()).as(definition.source()).isNotEmpty();
        }
    }

    @Test
    void everyValidationRuleOfTheVendoredCrdsIsInTheEvaluatedCelSubset() {
        List<String> rules = new ArrayList<>();
        for (CustomResourceDefinitions.Definition definition : CustomResourceDefinitions.vendored().all()) {
            for (CustomResourceDefinitions.Version version : definition.versions()) {
                collect(version.schema(), rules);
            }
        }
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).doesNotStartWith("UNSUPPORTED"));
    }

    private static void collect(SchemaNode schema, List<String> rules) {
        if (schema == null) {
            return;
        }
        schema.rules.forEach(rule -> rules.add(rule.expression == null ? "UNSUPPORTED " + rule.rule + ": " + rule.unsupported : rule.rule));
        schema.properties.values().forEach(property -> collect(property, rules));
        collect(schema.items, rules);
        collect(schema.additionalProperties, rules);
        List.of(schema.allOf, schema.anyOf, schema.oneOf).forEach(branches -> branches.forEach(branch -> collect(branch, rules)));
        collect(schema.not, rules);
    }

    @Test
    void strimziServesV1OnlyAndKafkaNeedsNodePools() {
        CustomResourceDefinitions crds = CustomResourceDefinitions.vendored();
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            assertThat(crds.find("kafka.strimzi.io", kind).orElseThrow().servedVersions()).as(kind).containsExactly("v1");
        }
        SchemaNode kafka = crds.find("kafka.strimzi.io", "Kafka").orElseThrow().version("v1").orElseThrow().schema();
        assertThat(kafka.properties.get("spec").properties.get("kafka").properties).doesNotContainKeys("replicas", "storage");
    }
}
