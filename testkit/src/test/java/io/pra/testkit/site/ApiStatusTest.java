package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.testkit.site.rbac.RequestAttributes;
import io.pra.testkit.site.rbac.ServiceAccount;
import org.junit.jupiter.api.Test;

/** Refusals worded as the Kubernetes API server words them. */
class ApiStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aForbiddenNamedRequestNamesTheObjectTheUserTheVerbTheResourceAndTheNamespace() throws Exception {
        JsonNode status = JSON.readTree(ApiStatus.forbidden(ServiceAccount.FAILOVER_SERVICE.user(),
                RequestAttributes.of("PATCH", "/apis/apps/v1/namespaces/shop/deployments/x")));

        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(status.path("status").asText()).isEqualTo("Failure");
        assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
        assertThat(status.path("code").asInt()).isEqualTo(403);
        assertThat(status.path("message").asText()).isEqualTo("deployments.apps \"x\" is forbidden: User "
                + "\"system:serviceaccount:pra:failover-service\" cannot patch resource \"deployments\" in API group "
                + "\"apps\" in the namespace \"shop\"");
        assertThat(status.path("details").path("name").asText()).isEqualTo("x");
        assertThat(status.path("details").path("group").asText()).isEqualTo("apps");
        assertThat(status.path("details").path("kind").asText()).isEqualTo("deployments");
    }

    @Test
    void subresourcesClusterScopeCoreGroupAndPathsAreWordedToo() throws Exception {
        String scale = message(ApiStatus.forbidden(ServiceAccount.HEALTH_SERVICE.user(),
                RequestAttributes.of("PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale")));
        String nodes = message(ApiStatus.forbidden(ServiceAccount.BACKUP_SERVICE.user(),
                RequestAttributes.of("GET", "/api/v1/nodes")));
        String path = message(ApiStatus.forbidden(ServiceAccount.BACKUP_SERVICE.user(),
                RequestAttributes.of("GET", "/metrics")));

        assertThat(scale).isEqualTo("deployments.apps \"web\" is forbidden: User "
                + "\"system:serviceaccount:pra:health-service\" cannot update resource \"deployments/scale\" in API "
                + "group \"apps\" in the namespace \"shop\"");
        assertThat(nodes).isEqualTo("nodes is forbidden: User \"system:serviceaccount:pra:backup-service\" cannot "
                + "list resource \"nodes\" in API group \"\" at the cluster scope");
        assertThat(path).isEqualTo("forbidden: User \"system:serviceaccount:pra:backup-service\" cannot get path "
                + "\"/metrics\"");
    }

    @Test
    void unauthorizedIsTheApiServersStatus() throws Exception {
        JsonNode status = JSON.readTree(ApiStatus.unauthorized());

        assertThat(status.path("code").asInt()).isEqualTo(401);
        assertThat(status.path("reason").asText()).isEqualTo("Unauthorized");
        assertThat(status.path("message").asText()).isEqualTo("Unauthorized");
    }

    private static String message(String status) throws Exception {
        return JSON.readTree(status).path("message").asText();
    }
}
