package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static io.pra.opschecks.Manifests.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Kafka, its topics and users, Velero's locations and scrapes, across both sites' overlays (observers: ObserverTopologyIT). */
class PlatformResourcesIT {

    @Test
    void kafkaIsKraftWithThreeNodesAndEveryTopicIsReplicatedThreeTimes() {
        Manifests siteB = Manifests.render("site-b");
        JsonNode kafka = siteB.find("Kafka", "pra", "pra").orElseThrow();
        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(kafka.at("/spec/kafka").has("replicas") || kafka.at("/spec/kafka").has("storage"))
                .as("Kafka's nodes come from its KafkaNodePool only").isFalse();
        assertThat(siteB.ofKind("KafkaNodePool")).singleElement()
                .satisfies(pool -> assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("pra"))
                .satisfies(pool -> assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3))
                .satisfies(pool -> assertThat(elements(pool.at("/spec/roles"))).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrder("controller", "broker"));

        Set<String> topics = new HashSet<>();
        for (JsonNode topic : siteB.ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).as("%s replicas", id(topic)).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as("%s min.insync.replicas", id(topic)).isEqualTo(2);
            topics.add(topic.at("/spec/topicName").asText());
        }
        assertThat(topics).containsAll(topicsTheServicesUse());
    }

    /** Which user grants exactly what: KafkaLeastPrivilegeIT. */
    @Test
    void everyKafkaUserLogsInWithScramAndNamesItsResources() {
        List<JsonNode> users = Manifests.render("site-b").ofKind("KafkaUser");
        assertThat(users).isNotEmpty();
        for (JsonNode user : users) {
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            List<JsonNode> acls = elements(user.at("/spec/authorization/acls"));
            assertThat(acls).as("ACLs of %s", id(user)).isNotEmpty().allSatisfy(acl -> {
                assertThat(acl.at("/resource/name").asText()).doesNotContain("*");
                assertThat(acl.at("/resource/patternType").asText()).isEqualTo("literal");
                assertThat(elements(acl.path("operations"))).extracting(JsonNode::asText).doesNotContain("All");
            });
        }
    }

    @Test
    void siteAWritesTheOffSiteBucketAndSiteBOnlyReadsIt() {
        JsonNode siteA = Manifests.render("site-a").find("BackupStorageLocation", "velero", "default").orElseThrow();
        JsonNode siteB = Manifests.render("site-b").find("BackupStorageLocation", "velero", "default").orElseThrow();
        assertThat(siteA.at("/spec/accessMode").asText()).isEqualTo("ReadWrite");
        assertThat(siteB.at("/spec/accessMode").asText()).isEqualTo("ReadOnly");
        assertThat(siteB.at("/spec/objectStorage")).isEqualTo(siteA.at("/spec/objectStorage"));
    }

    @Test
    void everyServiceIsScrapedOnItsMetricsPath() {
        Manifests siteB = Manifests.render("site-b");
        for (JsonNode service : siteB.ofKind("Service")) {
            JsonNode labels = service.at("/metadata/labels");
            assertThat(siteB.ofKind("ServiceMonitor")).as("ServiceMonitor for %s", id(service)).anyMatch(monitor ->
                    KustomizeOverlaysIT.selects(monitor.at("/spec/selector/matchLabels"), labels)
                            && "/q/metrics".equals(monitor.at("/spec/endpoints/0/path").asText()));
        }
    }

    /** The events' topics and every dead-letter topic the services' application.properties name. */
    static Set<String> topicsTheServicesUse() {
        Set<String> topics = new HashSet<>(Set.of("pra.backup", "pra.health", "pra.failover"));
        for (String service : Repo.SERVICES) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(Repo.read(Repo.path(service + "/src/main/resources/application.properties"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            topics.addAll(properties.stringPropertyNames().stream()
                    .filter(key -> key.endsWith(".dead-letter-queue.topic") || key.endsWith(".topic"))
                    .map(properties::getProperty).collect(Collectors.toSet()));
        }
        return topics;
    }
}
