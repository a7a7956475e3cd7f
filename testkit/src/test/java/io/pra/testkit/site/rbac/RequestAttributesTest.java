package io.pra.testkit.site.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestAttributesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /apis/apps/v1/namespaces/shop/deployments/web,                     get",
            "HEAD,   /apis/apps/v1/namespaces/shop/deployments/web,                     get",
            "GET,    /apis/apps/v1/namespaces/shop/deployments,                         list",
            "GET,    /apis/apps/v1/namespaces/shop/deployments?watch=false,             list",
            "GET,    /apis/apps/v1/namespaces/shop/deployments?watch=true,              watch",
            "GET,    /apis/apps/v1/namespaces/shop/deployments?allowWatchBookmarks=true&watch=1, watch",
            "GET,    /apis/apps/v1/watch/namespaces/shop/deployments,                   watch",
            "POST,   /apis/apps/v1/namespaces/shop/deployments,                         create",
            "PUT,    /apis/apps/v1/namespaces/shop/deployments/web,                     update",
            "PATCH,  /apis/apps/v1/namespaces/shop/deployments/web,                     patch",
            "DELETE, /apis/apps/v1/namespaces/shop/deployments/web,                     delete",
            "DELETE, /apis/apps/v1/namespaces/shop/deployments,                         deletecollection",
    })
    void theVerbComesFromTheMethodTheNameAndTheWatchParameter(String method, String uri, String verb) {
        assertThat(RequestAttributes.of(method, uri).verb()).isEqualTo(verb);
    }

    @Test
    void aNamespacedSubresourceRequestHasEveryPart() {
        RequestAttributes scale = RequestAttributes.of("PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale");

        assertThat(scale).isEqualTo(new RequestAttributes(true, "update",
                "/apis/apps/v1/namespaces/shop/deployments/web/scale", "apps", "v1", "shop", "deployments", "scale",
                "web"));
        assertThat(scale.combinedResource()).isEqualTo("deployments/scale");
    }

    @Test
    void theCoreGroupIsEmptyAndClusterScopedRequestsHaveNoNamespace() {
        RequestAttributes nodes = RequestAttributes.of("GET", "/api/v1/nodes?labelSelector=zone%3Da");

        assertThat(nodes.apiGroup()).isEmpty();
        assertThat(nodes.namespace()).isEmpty();
        assertThat(nodes.resource()).isEqualTo("nodes");
        assertThat(nodes.verb()).isEqualTo("list");
    }

    @Test
    void aNamespaceIsInItsOwnNamespaceAndItsStatusIsASubresource() {
        RequestAttributes delete = RequestAttributes.of("DELETE", "/api/v1/namespaces/drill-shop");
        RequestAttributes status = RequestAttributes.of("PUT", "/api/v1/namespaces/drill-shop/status");

        assertThat(delete.resource()).isEqualTo("namespaces");
        assertThat(delete.name()).isEqualTo("drill-shop");
        assertThat(delete.namespace()).isEqualTo("drill-shop");
        assertThat(delete.verb()).isEqualTo("delete");
        assertThat(status.resource()).isEqualTo("namespaces");
        assertThat(status.subresource()).isEqualTo("status");
    }

    @Test
    void aListOrWatchByFieldSelectorOnTheNameCarriesThatName() {
        RequestAttributes list = RequestAttributes.of("GET",
                "/apis/velero.io/v1/namespaces/velero/restores?fieldSelector=metadata.name%3Dpra-1");
        RequestAttributes watch = RequestAttributes.of("GET",
                "/apis/velero.io/v1/namespaces/velero/restores?fieldSelector=metadata.name%3D%3Dpra-1&watch=true");
        RequestAttributes other = RequestAttributes.of("GET",
                "/api/v1/namespaces/shop/pods?fieldSelector=status.phase%3DRunning");
        RequestAttributes negated = RequestAttributes.of("GET",
                "/api/v1/namespaces/shop/pods?fieldSelector=metadata.name%21%3Dweb");

        assertThat(list.verb()).isEqualTo("list");
        assertThat(list.name()).isEqualTo("pra-1");
        assertThat(watch.verb()).isEqualTo("watch");
        assertThat(watch.name()).isEqualTo("pra-1");
        assertThat(other.name()).isEmpty();
        assertThat(negated.name()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/version", "/readyz", "/apis", "/api", "/api/v1", "/apis/apps/v1", "/openapi/v2", "/"})
    void discoveryAndHealthPathsAreNonResourceRequests(String path) {
        RequestAttributes request = RequestAttributes.of("GET", path);

        assertThat(request.resourceRequest()).isFalse();
        assertThat(request.verb()).isEqualTo("get");
        assertThat(request.path()).isEqualTo(path);
    }
}
