package io.pra.testkit.site;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the namespace controller does when a namespace is deleted: every object in it is deleted too. The mock store
 * does not know which kinds a namespace can hold, so the site learns each namespaced kind (group, version, plural)
 * from the creates that pass through it, and deletes each of those collections in the namespace before the namespace.
 * Deletion is immediate: no {@code Terminating} phase.
 */
final class NamespaceCascade {

    private final StoreCalls store;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();

    NamespaceCascade(StoreCalls store) {
        this.store = store;
    }

    /** Whether the request deletes a namespace. */
    static boolean handles(RequestAttributes request) {
        return request.resourceRequest() && request.verb().equals("delete") && request.apiGroup().isEmpty()
                && request.resource().equals("namespaces") && request.subresource().isEmpty();
    }

    /** Remembers the kind of a namespaced object the store just created. */
    void learn(RequestAttributes request, MockResponse response) {
        if (request.resourceRequest() && request.verb().equals("create") && !request.namespace().isEmpty()
                && request.subresource().isEmpty() && response.code() < 300) {
            String prefix = request.apiGroup().isEmpty() ? "/api/" + request.apiVersion()
                    : "/apis/" + request.apiGroup() + "/" + request.apiVersion();
            collections.add(prefix + "/namespaces/%s/" + request.resource());
        }
    }

    /** Deletes what the namespace holds, then the namespace; a missing namespace is left to the store's 404. */
    MockResponse delete(RecordedRequest request, RequestAttributes attributes) {
        if (store.get("/api/v1/namespaces/" + attributes.name()).code() == 200) {
            for (String collection : collections) {
                store.delete(collection.formatted(attributes.name()));
            }
        }
        return store.forward(request);
    }
}
