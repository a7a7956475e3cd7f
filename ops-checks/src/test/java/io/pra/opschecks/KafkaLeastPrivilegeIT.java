package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static io.pra.opschecks.Manifests.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pra.opschecks.kafka.KafkaAclCheck;
import io.pra.opschecks.kafka.KafkaClient;
import io.pra.opschecks.kafka.KafkaClientsInCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Kafka least privilege, both ways: every Kafka client PRA's code creates (read by {@link KafkaClientsInCode}) logs in
 * as a KafkaUser of deploy/ that grants all it needs and nothing else ({@link KafkaAclCheck}), one KafkaUser per
 * service and per observer. Clients are tied to KafkaUsers the way the pods are: a Deployment of the service (in any
 * overlay: observers run on site A, site B and the witness) reads the {@code sasl.jaas.config} of the Secret Strimzi
 * names after the KafkaUser.
 */
class KafkaLeastPrivilegeIT {

    static final List<String> OVERLAYS = List.of("site-a", "site-b", "witness");
    /** The KafkaUser an operator's {@code pra events} would log in as. */
    static final String OPERATOR_USER = "pra-operator";
    /** Clients deploy/ gives no KafkaUser on purpose, and why. */
    static final Map<String, String> CLIENTS_WITHOUT_A_USER = Map.of(
            "cli pra events", "the cli gives its consumer bootstrap servers only, no TLS or SASL settings: it cannot log "
                    + "in to PRA's listeners yet, so a KafkaUser for it would be a credential nothing uses "
                    + "(deploy/README.md, 'Kafka users and ACLs')",
            "cli pra dlq", "the same: bootstrap servers only, no TLS or SASL settings yet");
    /** Code that creates a Kafka client KafkaClientsInCode does not read, and why that client needs no grant. */
    static final Map<String, String> CLIENTS_THAT_NEED_NO_GRANT = Map.of(
            "cli/src/main/java/io/pra/cli/drill/EventFeed.java", "the drill's feed reads the drill's own in-JVM broker, "
                    + "which has no authorizer; it never connects to a deployed Kafka",
            "cli/src/main/java/io/pra/cli/drill/DrillEnvironment.java", "an admin client that creates the topics on the "
                    + "drill's own in-JVM broker, which has no authorizer",
            "cli/src/main/java/io/pra/cli/drill/VoteInjector.java", "the drill's forged and replayed votes go to the "
                    + "drill's own in-JVM broker, which has no authorizer; it never connects to a deployed Kafka");

    private final KafkaClientsInCode code = new KafkaClientsInCode(Repo.ROOT);
    /** The overlays this test rendered, each once. */
    private final Map<String, Manifests> rendered = new HashMap<>();

    @Test
    void everyKafkaUserGrantsExactlyWhatItsClientsNeed() {
        Manifests siteB = render("site-b");
        Map<String, List<KafkaClient>> clientsByUser = clientsByUser();
        List<String> findings = new ArrayList<>();
        for (JsonNode user : siteB.ofKind("KafkaUser")) {
            findings.addAll(KafkaAclCheck.check(user, clientsByUser.getOrDefault(Manifests.name(user), List.of())));
        }
        clientsByUser.keySet().stream().filter(user -> siteB.find("KafkaUser", "pra", user).isEmpty())
                .forEach(user -> findings.add("Secret " + user + " is read for Kafka, but no KafkaUser " + user + " makes it"));
        assertThat(findings).as("KafkaUser ACLs against the clients of the code").isEmpty();
    }

    @Test
    void everyServiceWithKafkaClientsLogsInWithAUserOfItsOwn() {
        Map<String, Set<String>> servicesByUser = new TreeMap<>();
        Map<String, Set<String>> observersByUser = new TreeMap<>();
        Set<String> servicesLoggingIn = new TreeSet<>();
        for (Login login : logins()) {
            servicesByUser.computeIfAbsent(login.user(), u -> new TreeSet<>()).add(login.service());
            observersByUser.computeIfAbsent(login.user(), u -> new TreeSet<>()).add(login.observer());
            servicesLoggingIn.add(login.service());
        }
        assertThat(servicesByUser).as("services sharing a KafkaUser").allSatisfy((user, services) -> assertThat(services).hasSize(1));
        assertThat(observersByUser).as("observers sharing a KafkaUser").allSatisfy((user, observers) -> assertThat(observers).hasSize(1));
        for (String service : Repo.SERVICES) {
            if (!code.ofService(service).isEmpty()) {
                assertThat(servicesLoggingIn).as("a Deployment of %s logs in to Kafka", service).contains(service);
            }
        }
    }

    @Test
    void theClientsWithoutAUserAreExactlyTheListedOnes() {
        Set<String> without = new TreeSet<>();
        if (render("site-b").find("KafkaUser", "pra", OPERATOR_USER).isEmpty()) {
            without.add(praEvents().toString());
            without.add(praDlq().toString());
        }
        assertThat(without).isEqualTo(CLIENTS_WITHOUT_A_USER.keySet());
    }

    @Test
    void everyTopicAClientNamesIsDeclaredAndEveryDeclaredTopicHasAWriter() {
        Set<String> declared = declaredTopics();
        List<KafkaClient> clients = new ArrayList<>();
        Repo.SERVICES.forEach(service -> clients.addAll(code.ofService(service)));
        clients.add(praEvents());
        clients.add(praDlq());
        Set<String> named = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        clients.forEach(client -> {
            named.addAll(client.topics());
            written.addAll(client.writtenTopics());
        });
        assertThat(declared).as("KafkaTopics (auto.create.topics.enable is false)").containsAll(named);
        assertThat(written).as("topics some client of the code writes").containsAll(declared);
    }

    @Test
    void everyKafkaClientInTheCodeIsOneTheCheckReads() {
        assertThat(code.unmodelledClients(Repo.SERVICES)).containsExactlyInAnyOrderElementsOf(CLIENTS_THAT_NEED_NO_GRANT.keySet());
    }

    /** The clients of the code, by the KafkaUser they log in as. */
    private Map<String, List<KafkaClient>> clientsByUser() {
        Map<String, List<KafkaClient>> clients = new TreeMap<>();
        for (Login login : logins()) {
            List<KafkaClient> ofUser = clients.computeIfAbsent(login.user(), u -> new ArrayList<>());
            code.ofService(login.service()).stream().filter(client -> !ofUser.contains(client)).forEach(ofUser::add);
        }
        if (render("site-b").find("KafkaUser", "pra", OPERATOR_USER).isPresent()) {
            clients.computeIfAbsent(OPERATOR_USER, u -> new ArrayList<>()).add(praEvents());
            clients.get(OPERATOR_USER).add(praDlq());
        }
        return clients;
    }

    private KafkaClient praEvents() {
        return code.praEvents(declaredTopics());
    }

    private KafkaClient praDlq() {
        return code.praDlq(declaredTopics());
    }

    private Set<String> declaredTopics() {
        Set<String> topics = new TreeSet<>();
        render("site-b").ofKind("KafkaTopic").forEach(topic -> topics.add(topic.at("/spec/topicName").asText(Manifests.name(topic))));
        return topics;
    }

    /** One Deployment reading a KafkaUser's credentials: which user, which service, which observer (or none). */
    record Login(String user, String service, String observer) {
    }

    List<Login> logins() {
        Set<Login> logins = new LinkedHashSet<>();
        for (String overlay : OVERLAYS) {
            for (JsonNode deployment : render(overlay).ofKind("Deployment")) {
                String service = deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText();
                for (JsonNode container : elements(deployment.at("/spec/template/spec/containers"))) {
                    Map<String, JsonNode> env = new LinkedHashMap<>();
                    elements(container.path("env")).forEach(e -> env.put(e.path("name").asText(), e));
                    JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
                    if (jaas != null) {
                        assertThat(jaas.at("/valueFrom/secretKeyRef/key").asText()).as("%s reads sasl.jaas.config", id(deployment))
                                .isEqualTo("sasl.jaas.config");
                        JsonNode observer = env.get("PRA_HEALTH_OBSERVER_ID");
                        logins.add(new Login(jaas.at("/valueFrom/secretKeyRef/name").asText(), service,
                                observer == null ? "" : observer.path("value").asText()));
                    }
                }
            }
        }
        return List.copyOf(logins);
    }

    private Manifests render(String overlay) {
        return rendered.computeIfAbsent(overlay, Manifests::render);
    }
}
