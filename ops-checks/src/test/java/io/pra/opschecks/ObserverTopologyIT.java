package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static io.pra.opschecks.Manifests.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The observers deploy/ runs (site A, site B, the witness) are the ones failover-service counts, each in its failure
 * domain and with its own signing key, and no site, failure domain or cut link between the sites holds a quorum alone,
 * while the loss of site A still leaves one.
 */
class ObserverTopologyIT {

    private static final Pattern OBSERVER_SETTING = Pattern.compile("^pra\\.failover\\.observers\\.\"([^\"]+)\"\\.(.+)$");
    private static final String PUBLIC_KEYS_CONFIG_MAP = "pra-observer-public-keys";

    /** One deployed observer: its id and failure domain, the overlay (site) it runs on, its Deployment. */
    record Observer(String id, String domain, String overlay, JsonNode deployment) {
    }

    /** What failover-service is told about the observers. */
    record Counted(Map<String, String> domains, Map<String, List<String>> publicKeys, int quorum, int quorumDomains) {
    }

    /** The overlays this test rendered, each once. */
    private final Map<String, Manifests> rendered = new HashMap<>();

    @Test
    void failoverServiceCountsExactlyTheDeployedObserversInTheirFailureDomains() {
        Map<String, String> deployed = new TreeMap<>();
        observers().forEach(o -> assertThat(deployed.put(o.id(), o.domain())).as("observer %s deployed twice", o.id()).isNull());
        assertThat(counted().domains()).isEqualTo(deployed);
    }

    @Test
    void noSiteAndNoFailureDomainDecidesAloneButSiteALostStillDoes() {
        Counted counted = counted();
        List<Observer> observers = observers();
        assertThat(counted.quorum()).as("pra.failover.quorum").isGreaterThanOrEqualTo(2);
        assertThat(counted.quorumDomains()).as("pra.failover.quorum-domains").isGreaterThanOrEqualTo(2);
        Map<String, Set<String>> overlaysByDomain = new TreeMap<>();
        observers.forEach(o -> overlaysByDomain.computeIfAbsent(o.domain(), d -> new TreeSet<>()).add(o.overlay()));
        assertThat(overlaysByDomain).as("a failure domain spans one site").allSatisfy((domain, overlays) -> assertThat(overlays).hasSize(1));
        for (String overlay : KafkaLeastPrivilegeIT.OVERLAYS) {
            List<Observer> onSite = observers.stream().filter(o -> o.overlay().equals(overlay)).toList();
            assertThat(decides(onSite, counted)).as("the observers of %s alone (%s) make a quorum", overlay, onSite.stream()
                    .map(Observer::id).toList()).isFalse();
        }
        assertThat(decides(observers.stream().filter(o -> !o.overlay().equals("site-a")).toList(), counted))
                .as("with site A and its observer lost, the others make a quorum").isTrue();
    }

    @Test
    void everyObserverSignsWithItsOwnKeyFromItsOwnSecret() {
        for (Observer observer : observers()) {
            String where = observer.overlay() + ": " + id(observer.deployment());
            JsonNode pod = observer.deployment().at("/spec/template/spec");
            Map<String, String> settings = configEnv(observer.overlay(), "health-service-config");
            Path privateKey = Path.of(settings.get("PRA_HEALTH_SIGNING_PRIVATE_KEY_FILE"));
            Path publicKey = Path.of(settings.get("PRA_HEALTH_SIGNING_PUBLIC_KEY_FILE"));
            assertThat(publicKey.getParent()).isEqualTo(privateKey.getParent());
            JsonNode volume = secretVolumeMountedAt(pod, privateKey.getParent().toString()).orElseThrow(() ->
                    new AssertionError(where + " mounts no Secret at " + privateKey.getParent()));
            assertThat(volume.at("/secret/secretName").asText()).as("%s signing key Secret", where).isEqualTo("pra-observer-" + observer.id());
            assertThat(elements(volume.at("/secret/items"))).extracting(item -> item.path("path").asText()).as("%s key files", where)
                    .containsExactlyInAnyOrder(privateKey.getFileName().toString(), publicKey.getFileName().toString());
        }
    }

    @Test
    void failoverServiceReadsOneOrTwoPublicKeysOfEachObserverFromTheInstallationsConfigMap() {
        JsonNode pod = failoverService().at("/spec/template/spec");
        String volume = elements(pod.path("volumes")).stream()
                .filter(v -> PUBLIC_KEYS_CONFIG_MAP.equals(v.at("/configMap/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("failover-service has no volume of ConfigMap " + PUBLIC_KEYS_CONFIG_MAP))
                .path("name").asText();
        Path mount = Path.of(elements(pod.at("/containers/0/volumeMounts")).stream().filter(m -> volume.equals(m.path("name").asText()))
                .findFirst().orElseThrow().path("mountPath").asText());
        counted().publicKeys().forEach((observer, files) -> {
            assertThat(files).as("public keys of %s", observer).hasSizeBetween(1, 2);
            assertThat(files).allSatisfy(file -> {
                assertThat(Path.of(file).getParent()).isEqualTo(mount);
                assertThat(Path.of(file).getFileName().toString()).startsWith(observer + ".").endsWith(".pem");
            });
        });
        assertThat(render("site-b").find("ConfigMap", "pra", PUBLIC_KEYS_CONFIG_MAP))
                .as("the public keys are made at install, never kept in deploy/").isEmpty();
    }

    @Test
    void votesAgeFromTheBrokersAppendTime() {
        JsonNode health = render("site-b").find("KafkaTopic", "pra", "pra-health").orElseThrow();
        assertThat(health.at("/spec/config/message.timestamp.type").asText()).isEqualTo("LogAppendTime");
    }

    @Test
    void observersOutsideSiteBReachKafkaThroughTheExternalListenerWithTlsAndScram() {
        JsonNode listener = elements(render("site-b").find("Kafka", "pra", "pra").orElseThrow().at("/spec/kafka/listeners"))
                .stream().filter(l -> "external".equals(l.path("name").asText())).findFirst().orElseThrow();
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        for (String overlay : List.of("site-a", "witness")) {
            Map<String, String> env = configEnv(overlay, "health-service-config");
            String bootstrap = env.get("PRA_KAFKA_BOOTSTRAP");
            assertThat(bootstrap).as("%s bootstrap", overlay).endsWith(":" + listener.path("port").asInt());
            assertThat(elements(listener.at("/configuration/bootstrap/alternativeNames"))).extracting(JsonNode::asText)
                    .as("names in the brokers' certificates").contains(bootstrap.substring(0, bootstrap.lastIndexOf(':')));
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        }
    }

    /** True when these observers alone can make a quorum. */
    private static boolean decides(List<Observer> observers, Counted counted) {
        return observers.size() >= counted.quorum()
                && observers.stream().map(Observer::domain).distinct().count() >= counted.quorumDomains();
    }

    List<Observer> observers() {
        List<Observer> observers = new ArrayList<>();
        for (String overlay : KafkaLeastPrivilegeIT.OVERLAYS) {
            for (JsonNode deployment : render(overlay).ofKind("Deployment")) {
                Map<String, String> env = new HashMap<>();
                elements(deployment.at("/spec/template/spec/containers/0/env")).forEach(e -> env.put(e.path("name").asText(),
                        e.path("value").asText()));
                if (env.containsKey("PRA_HEALTH_OBSERVER_ID")) {
                    observers.add(new Observer(env.get("PRA_HEALTH_OBSERVER_ID"), env.get("PRA_HEALTH_FAILURE_DOMAIN"), overlay, deployment));
                }
            }
        }
        return observers;
    }

    Counted counted() {
        Map<String, String> env = configEnv("site-b", "failover-service-config");
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(configMap("site-b", "failover-service-properties").at("/data/application.properties").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> domains = new TreeMap<>();
        Map<String, List<String>> keys = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher setting = OBSERVER_SETTING.matcher(key);
            if (setting.matches() && setting.group(2).equals("domain")) {
                domains.put(setting.group(1), properties.getProperty(key));
            } else if (setting.matches() && setting.group(2).equals("public-keys")) {
                keys.put(setting.group(1), List.of(properties.getProperty(key).split("\\s*,\\s*")));
            }
        }
        assertThat(keys.keySet()).as("observers with public keys").isEqualTo(domains.keySet());
        return new Counted(domains, keys, Integer.parseInt(env.get("PRA_FAILOVER_QUORUM")),
                Integer.parseInt(env.getOrDefault("PRA_FAILOVER_QUORUM_DOMAINS", "2")));
    }

    private JsonNode failoverService() {
        return render("site-b").find("Deployment", "pra", "failover-service").orElseThrow();
    }

    private static Optional<JsonNode> secretVolumeMountedAt(JsonNode pod, String path) {
        Set<String> mounted = elements(pod.at("/containers/0/volumeMounts")).stream()
                .filter(m -> path.equals(m.path("mountPath").asText())).map(m -> m.path("name").asText()).collect(Collectors.toSet());
        return elements(pod.path("volumes")).stream().filter(v -> mounted.contains(v.path("name").asText()) && v.has("secret")).findFirst();
    }

    private Map<String, String> configEnv(String overlay, String prefix) {
        Map<String, String> env = new TreeMap<>();
        configMap(overlay, prefix).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The ConfigMap Kustomize generated from {@code name} (its name plus a content hash). */
    private JsonNode configMap(String overlay, String name) {
        return render(overlay).ofKind("ConfigMap").stream().filter(c -> Manifests.name(c).startsWith(name + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
    }

    private Manifests render(String overlay) {
        return rendered.computeIfAbsent(overlay, Manifests::render);
    }
}
