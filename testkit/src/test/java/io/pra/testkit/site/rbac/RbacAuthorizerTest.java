package io.pra.testkit.site.rbac;

import static io.pra.testkit.site.rbac.RbacFixtures.FENCER;
import static io.pra.testkit.site.rbac.RbacFixtures.clusterRole;
import static io.pra.testkit.site.rbac.RbacFixtures.clusterRoleBinding;
import static io.pra.testkit.site.rbac.RbacFixtures.group;
import static io.pra.testkit.site.rbac.RbacFixtures.role;
import static io.pra.testkit.site.rbac.RbacFixtures.roleBinding;
import static io.pra.testkit.site.rbac.RbacFixtures.serviceAccount;
import static io.pra.testkit.site.rbac.RbacFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bindings, subjects and scopes, as Kubernetes' RBAC authorizer applies them. */
class RbacAuthorizerTest {

    private static final PolicyRule SCALE = new PolicyRuleBuilder().withApiGroups("apps")
            .withResources("deployments/scale").withVerbs("update").build();
    private static final PolicyRule READ = new PolicyRuleBuilder().withApiGroups("apps")
            .withResources("deployments").withVerbs("list").build();
    private static final PolicyRule NAMESPACE_DELETE = new PolicyRuleBuilder().withApiGroups("")
            .withResources("namespaces").withVerbs("delete").build();

    @Test
    void aRoleBindingToARoleAppliesInItsNamespaceOnly() {
        RbacAuthorizer authorizer = authorizer(role("shop", "fence", SCALE),
                roleBinding("shop", "fence", "Role", "fence", serviceAccount(FENCER)));

        assertThat(allowed(authorizer, FENCER.user(), "PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale"))
                .isTrue();
        assertThat(allowed(authorizer, FENCER.user(), "PUT",
                "/apis/apps/v1/namespaces/payments/deployments/worker/scale")).isFalse();
    }

    @Test
    void aRoleBindingToAClusterRoleGivesItsRulesInTheBindingsNamespaceOnly() {
        RbacAuthorizer authorizer = authorizer(clusterRole("fence", SCALE),
                roleBinding("shop", "fence", "ClusterRole", "fence", serviceAccount(FENCER)));

        assertThat(allowed(authorizer, FENCER.user(), "PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale"))
                .isTrue();
        assertThat(allowed(authorizer, FENCER.user(), "PUT",
                "/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale")).isFalse();
    }

    @Test
    void aRoleBindingNeverGivesClusterScopedRightsNorARoleOfAnotherNamespace() {
        RbacAuthorizer authorizer = authorizer(clusterRole("cleanup", NAMESPACE_DELETE),
                role("payments", "read", READ),
                roleBinding("shop", "cleanup", "ClusterRole", "cleanup", serviceAccount(FENCER)),
                roleBinding("shop", "read", "Role", "read", serviceAccount(FENCER)));

        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/deployments")).isFalse();
        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/namespaces/shop/deployments"))
                .as("Role read lives in payments, not shop").isFalse();
        assertThat(allowed(authorizer, FENCER.user(), "DELETE", "/api/v1/namespaces/shop"))
                .as("a namespace is in its own namespace: a RoleBinding there can allow deleting it").isTrue();
        assertThat(allowed(authorizer, FENCER.user(), "DELETE", "/api/v1/namespaces/drill-shop")).isFalse();
    }

    @Test
    void aClusterRoleBindingAppliesEverywhere() {
        RbacAuthorizer authorizer = authorizer(clusterRole("cleanup", NAMESPACE_DELETE, READ),
                clusterRoleBinding("cleanup", "cleanup", serviceAccount(FENCER)));

        assertThat(allowed(authorizer, FENCER.user(), "DELETE", "/api/v1/namespaces/drill-shop")).isTrue();
        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/deployments")).isTrue();
        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/namespaces/drill-x/deployments"))
                .isTrue();
    }

    @Test
    void subjectsMatchServiceAccountsByNamespaceAndNameGroupsByMembershipUsersByName() {
        RbacAuthorizer byAccount = authorizer(clusterRole("read", READ),
                clusterRoleBinding("read", "read", serviceAccount(FENCER)));
        RbacAuthorizer byNamespaceGroup = authorizer(clusterRole("read", READ),
                clusterRoleBinding("read", "read", group("system:serviceaccounts:pra")));
        RbacAuthorizer byUser = authorizer(clusterRole("read", READ),
                clusterRoleBinding("read", "read", user("system:serviceaccount:pra:fencer")));
        String list = "/apis/apps/v1/namespaces/shop/deployments";

        assertThat(allowed(byAccount, FENCER.user(), "GET", list)).isTrue();
        assertThat(allowed(byAccount, new ServiceAccount("other", "fencer").user(), "GET", list)).isFalse();
        assertThat(allowed(byNamespaceGroup, new ServiceAccount("pra", "anyone").user(), "GET", list)).isTrue();
        assertThat(allowed(byNamespaceGroup, new ServiceAccount("default", "x").user(), "GET", list)).isFalse();
        assertThat(allowed(byUser, FENCER.user(), "GET", list)).isTrue();
    }

    @Test
    void aServiceAccountSubjectWithoutNamespaceIsInTheRoleBindingsNamespace() {
        RbacAuthorizer authorizer = authorizer(clusterRole("read", READ), roleBinding("pra", "read", "ClusterRole",
                "read", new SubjectBuilder().withKind("ServiceAccount").withName("fencer").build()));

        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/namespaces/pra/deployments")).isTrue();
    }

    @Test
    void aBindingToAMissingRoleGivesNothing() {
        RbacAuthorizer authorizer = authorizer(clusterRoleBinding("ghost", "no-such-role", serviceAccount(FENCER)));

        assertThat(allowed(authorizer, FENCER.user(), "GET", "/apis/apps/v1/deployments")).isFalse();
    }

    @Test
    void kubernetesDefaultsGiveDiscoveryAndHealthToEveryAuthenticatedUserAndEverythingToMasters() {
        RbacAuthorizer defaults = new RbacAuthorizer(RbacPolicy.kubernetesDefaults());

        for (String path : List.of("/version", "/readyz", "/apis", "/apis/velero.io/v1", "/api/v1")) {
            assertThat(allowed(defaults, FENCER.user(), "GET", path)).as(path).isTrue();
        }
        assertThat(allowed(defaults, FENCER.user(), "GET", "/metrics")).isFalse();
        assertThat(allowed(defaults, FENCER.user(), "GET", "/api/v1/namespaces/shop/secrets")).isFalse();
        assertThat(allowed(defaults, FENCER.user(), "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")).isTrue();
        assertThat(allowed(defaults, UserInfo.ADMIN, "DELETE", "/api/v1/namespaces/kube-system")).isTrue();
        assertThat(allowed(defaults, UserInfo.ADMIN, "GET", "/metrics")).isTrue();
    }

    @Test
    void theDecisionNamesTheBindingRoleSubjectAndRuleThatAllowedIt() {
        RbacAuthorizer authorizer = authorizer(clusterRole("fence", READ, SCALE),
                roleBinding("shop", "fence", "ClusterRole", "fence", group("nobody"), serviceAccount(FENCER)));

        Decision decision = authorizer.authorize(FENCER.user(),
                RequestAttributes.of("PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale"));

        assertThat(decision.allowed()).isTrue();
        RuleSource source = decision.allowedBy().orElseThrow();
        assertThat(source.bindingKind()).isEqualTo("RoleBinding");
        assertThat(source.bindingNamespace()).isEqualTo("shop");
        assertThat(source.roleName()).isEqualTo("fence");
        assertThat(source.ruleIndex()).isEqualTo(1);
        assertThat(source.subject().getName()).isEqualTo("fencer");
        assertThat(source.toString()).isEqualTo("RoleBinding \"fence/shop\" of ClusterRole \"fence\" to "
                + "ServiceAccount \"fencer/pra\", rule 1");
    }

    private static RbacAuthorizer authorizer(HasMetadata... objects) {
        return new RbacAuthorizer(RbacPolicy.of(List.of(objects)));
    }

    private static boolean allowed(RbacAuthorizer authorizer, UserInfo user, String method, String uri) {
        return authorizer.authorize(user, RequestAttributes.of(method, uri)).allowed();
    }
}
