package io.pra.testkit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.MockResponse;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions;
import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * The CustomResourceDefinitions stored in a site, as the API server's CRD handler knows them: which groups and
 * plurals they define, each read into a {@link CustomResourceDefinitions.Definition} (versions, served flags,
 * structural schemas, status subresource) the first time an object of its kind is written. The site tells it of
 * every CRD write that succeeded, and it reads the CRD again from the store.
 */
final class InstalledDefinitions {

    static final String GROUP = "apiextensions.k8s.io";
    static final String RESOURCE = "customresourcedefinitions";
    private static final String PATH = "/apis/" + GROUP + "/v1/" + RESOURCE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");

    /** One stored CRD; its schemas are read when first needed. */
    private static final class Installed {

        final String group;
        final String plural;
        final JsonNode crd;
        private volatile CustomResourceDefinitions.Definition definition;

        Installed(JsonNode crd) {
            this.crd = crd;
            this.group = crd.path("spec").path("group").asText();
            this.plural = crd.path("spec").path("names").path("plural").asText();
        }

        CustomResourceDefinitions.Definition definition() {
            CustomResourceDefinitions.Definition read = definition;
            if (read == null) {
                read = CustomResourceDefinitions.definition(crd, "CRD " + crd.path("metadata").path("name").asText());
                definition = read;
            }
            return read;
        }
    }

    private final StoreCalls store;
    private final Map<String, Installed> byName = new ConcurrentHashMap<>();

    InstalledDefinitions(StoreCalls store) {
        this.store = store;
    }

    /** Whether the request writes CustomResourceDefinitions. */
    static boolean isDefinitionWrite(RequestAttributes request) {
        return request.resourceRequest() && request.apiGroup().equals(GROUP) && request.resource().equals(RESOURCE)
                && WRITES.contains(request.verb());
    }

    /** Reads again what a CRD write that the store answered changed: one CRD, or all of them. */
    void written(RequestAttributes request, MockResponse response) {
        if (response.code() >= 300) {
            return;
        }
        if (request.name().isEmpty()) {
            reloadAll();
            return;
        }
        MockResponse stored = store.get(PATH + "/" + request.name());
        if (stored.code() == 200) {
            byName.put(request.name(), new Installed(parse(StoreCalls.body(stored))));
        } else {
            byName.remove(request.name());
        }
    }

    /** Whether some CRD defines a kind in {@code group}. */
    boolean definesGroup(String group) {
        return byName.values().stream().anyMatch(installed -> installed.group.equals(group));
    }

    /** Whether some CRD of {@code group} serves {@code version}, as discovery of {@code /apis/<group>/<version>} needs. */
    boolean servesVersion(String group, String version) {
        return byName.values().stream().filter(installed -> installed.group.equals(group))
                .flatMap(installed -> StreamSupport.stream(installed.crd.path("spec").path("versions")
                        .spliterator(), false))
                .anyMatch(v -> v.path("name").asText().equals(version) && v.path("served").asBoolean(false));
    }

    /** The CRD of resource {@code plural} in {@code group}, when one is installed. */
    Optional<CustomResourceDefinitions.Definition> find(String group, String plural) {
        Installed installed = byName.get(plural + "." + group);
        return installed == null ? Optional.empty() : Optional.of(installed.definition());
    }

    private void reloadAll() {
        byName.clear();
        MockResponse list = store.get(PATH);
        if (list.code() == 200) {
            for (JsonNode item : parse(StoreCalls.body(list)).path("items")) {
                byName.put(item.path("metadata").path("name").asText(), new Installed(item));
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the site's store holds a CRD that is not JSON", e);
        }
    }
}
