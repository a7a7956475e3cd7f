package io.pra.testkit.site.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import org.junit.jupiter.api.Test;

/** The Kubernetes authorizer's rule matching, one field at a time. */
class PolicyRulesTest {

    private static final RequestAttributes GET_WEB = request("GET", "/apis/apps/v1/namespaces/shop/deployments/web");
    private static final RequestAttributes PATCH_WEB = request("PATCH",
            "/apis/apps/v1/namespaces/shop/deployments/web");
    private static final RequestAttributes UPDATE_WEB_SCALE = request("PUT",
            "/apis/apps/v1/namespaces/shop/deployments/web/scale");
    private static final RequestAttributes LIST_DEPLOYMENTS = request("GET",
            "/apis/apps/v1/namespaces/shop/deployments");
    private static final RequestAttributes CREATE_DEPLOYMENT = request("POST",
            "/apis/apps/v1/namespaces/shop/deployments");
    private static final RequestAttributes LIST_PODS = request("GET", "/api/v1/namespaces/shop/pods");

    @Test
    void verbsMatchExactlyOrByStar() {
        PolicyRule get = rule().withVerbs("get").withApiGroups("apps").withResources("deployments").build();
        PolicyRule all = rule().withVerbs("*").withApiGroups("apps").withResources("deployments").build();

        assertThat(PolicyRules.allows(get, GET_WEB)).isTrue();
        assertThat(PolicyRules.allows(get, PATCH_WEB)).isFalse();
        assertThat(PolicyRules.allows(get, LIST_DEPLOYMENTS)).as("get does not give list").isFalse();
        assertThat(PolicyRules.allows(all, PATCH_WEB)).isTrue();
    }

    @Test
    void theEmptyGroupIsTheCoreGroupAndStarIsEveryGroup() {
        PolicyRule core = rule().withVerbs("list").withApiGroups("").withResources("pods", "deployments").build();
        PolicyRule anyGroup = rule().withVerbs("list").withApiGroups("*").withResources("deployments").build();

        assertThat(PolicyRules.allows(core, LIST_PODS)).isTrue();
        assertThat(PolicyRules.allows(core, LIST_DEPLOYMENTS)).as("deployments are in apps, not core").isFalse();
        assertThat(PolicyRules.allows(anyGroup, LIST_DEPLOYMENTS)).isTrue();
    }

    @Test
    void aSubresourceIsItsOwnResource() {
        PolicyRule scaleOnly = rule().withVerbs("update", "patch").withApiGroups("apps")
                .withResources("deployments/scale").build();
        PolicyRule deploymentsOnly = rule().withVerbs("update", "patch").withApiGroups("apps")
                .withResources("deployments").build();

        assertThat(PolicyRules.allows(scaleOnly, UPDATE_WEB_SCALE)).isTrue();
        assertThat(PolicyRules.allows(scaleOnly, PATCH_WEB)).as("scale does not give the Deployment").isFalse();
        assertThat(PolicyRules.allows(deploymentsOnly, UPDATE_WEB_SCALE)).as("nor the reverse").isFalse();
    }

    @Test
    void starSlashSubresourceMatchesThatSubresourceOfAnyResourceAndStarMatchesAll() {
        PolicyRule anyScale = rule().withVerbs("update").withApiGroups("apps").withResources("*/scale").build();
        PolicyRule anyStatus = rule().withVerbs("update").withApiGroups("apps").withResources("*/status").build();
        PolicyRule all = rule().withVerbs("update").withApiGroups("apps").withResources("*").build();

        assertThat(PolicyRules.allows(anyScale, UPDATE_WEB_SCALE)).isTrue();
        assertThat(PolicyRules.allows(anyScale, request("PUT", "/apis/apps/v1/namespaces/shop/deployments/web")))
                .isFalse();
        assertThat(PolicyRules.allows(anyStatus, UPDATE_WEB_SCALE)).isFalse();
        assertThat(PolicyRules.allows(all, UPDATE_WEB_SCALE)).as("* covers subresources too").isTrue();
    }

    @Test
    void resourceNamesOnlyApplyToRequestsThatCarryAName() {
        PolicyRule named = rule().withVerbs("get", "list", "create", "deletecollection").withApiGroups("apps")
                .withResources("deployments").withResourceNames("web").build();

        assertThat(PolicyRules.allows(named, GET_WEB)).isTrue();
        assertThat(PolicyRules.allows(named, request("GET", "/apis/apps/v1/namespaces/shop/deployments/api")))
                .isFalse();
        assertThat(PolicyRules.allows(named, LIST_DEPLOYMENTS)).as("a list names nothing").isFalse();
        assertThat(PolicyRules.allows(named, CREATE_DEPLOYMENT)).as("a create names nothing yet").isFalse();
        assertThat(PolicyRules.allows(named, request("DELETE", "/apis/apps/v1/namespaces/shop/deployments")))
                .isFalse();
        assertThat(PolicyRules.allows(named,
                request("GET", "/apis/apps/v1/namespaces/shop/deployments?fieldSelector=metadata.name%3Dweb")))
                .as("a list by field selector on the name names it").isTrue();
    }

    @Test
    void nonResourceUrlsMatchExactlyOrByTrailingStar() {
        PolicyRule health = rule().withVerbs("get").withNonResourceURLs("/readyz", "/apis/*").build();
        PolicyRule everything = rule().withVerbs("get").withNonResourceURLs("*").build();

        assertThat(PolicyRules.allows(health, request("GET", "/readyz"))).isTrue();
        assertThat(PolicyRules.allows(health, request("GET", "/livez"))).isFalse();
        assertThat(PolicyRules.allows(health, request("GET", "/apis/apps/v1"))).isTrue();
        assertThat(PolicyRules.allows(health, request("GET", "/apis"))).as("/apis/* needs the slash").isFalse();
        assertThat(PolicyRules.allows(health, request("POST", "/readyz"))).isFalse();
        assertThat(PolicyRules.allows(everything, request("GET", "/metrics"))).isTrue();
    }

    @Test
    void resourceRulesNeverMatchPathsAndPathRulesNeverMatchResources() {
        PolicyRule paths = rule().withVerbs("get").withNonResourceURLs("*").build();
        PolicyRule resources = rule().withVerbs("get").withApiGroups("*").withResources("*").build();

        assertThat(PolicyRules.allows(paths, GET_WEB)).isFalse();
        assertThat(PolicyRules.allows(resources, request("GET", "/version"))).isFalse();
    }

    private static PolicyRuleBuilder rule() {
        return new PolicyRuleBuilder();
    }

    private static RequestAttributes request(String method, String uri) {
        return RequestAttributes.of(method, uri);
    }
}
