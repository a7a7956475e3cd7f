package io.pra.testkit.site.rbac;

import static io.pra.testkit.site.rbac.RbacFixtures.FENCER;
import static io.pra.testkit.site.rbac.RbacFixtures.clusterRole;
import static io.pra.testkit.site.rbac.RbacFixtures.clusterRoleBinding;
import static io.pra.testkit.site.rbac.RbacFixtures.roleBinding;
import static io.pra.testkit.site.rbac.RbacFixtures.serviceAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyUsageTest {

    private static final RbacPolicy POLICY = RbacPolicy.of(List.of(
            clusterRole("fence", new PolicyRuleBuilder().withApiGroups("apps")
                    .withResources("deployments/scale", "statefulsets/scale").withVerbs("update").build()),
            clusterRole("cutover", new PolicyRuleBuilder().withApiGroups("externaldns.k8s.io")
                    .withResources("dnsendpoints").withResourceNames("pra-traffic").withVerbs("get", "patch").build()),
            roleBinding("shop", "fence", "ClusterRole", "fence", serviceAccount(FENCER)),
            roleBinding("payments", "fence", "ClusterRole", "fence", serviceAccount(FENCER)),
            clusterRoleBinding("cutover", "cutover", serviceAccount(FENCER))));

    @TempDir
    Path dir;

    @Test
    void everyVerbResourceNameAndBindingIsOneGrant() {
        assertThat(PolicyUsage.grants(POLICY)).hasSize(2 + 2 + 2).extracting(Grant::toString).contains(
                "ServiceAccount pra/fencer: update deployments/scale.apps in namespace shop "
                        + "(RoleBinding shop/fence -> ClusterRole fence, rule 0)",
                "ServiceAccount pra/fencer: patch dnsendpoints.externaldns.k8s.io named pra-traffic cluster-wide "
                        + "(ClusterRoleBinding cutover -> ClusterRole cutover, rule 0)");
    }

    @Test
    void aGrantIsUsedOnlyByARequestItAllowedThroughItsOwnBinding() {
        AuthorizationLog log = new AuthorizationLog();
        RbacAuthorizer authorizer = new RbacAuthorizer(POLICY);
        log.record(authorizer.authorize(FENCER.user(),
                RequestAttributes.of("PUT", "/apis/apps/v1/namespaces/shop/deployments/web/scale")));
        log.record(authorizer.authorize(FENCER.user(), RequestAttributes.of("PATCH",
                "/apis/externaldns.k8s.io/v1alpha1/namespaces/pra/dnsendpoints/pra-traffic")));
        log.record(authorizer.authorize(FENCER.user(),
                RequestAttributes.of("PUT", "/apis/apps/v1/namespaces/kube-system/deployments/x/scale")));

        DecisionFiles.write(dir, "a", log);
        List<DecisionRecord> records = DecisionFiles.read(dir);

        assertThat(records).hasSize(3).filteredOn(r -> !r.allowed()).singleElement()
                .satisfies(r -> assertThat(r.request().namespace()).isEqualTo("kube-system"));
        assertThat(PolicyUsage.unused(POLICY, records)).extracting(Grant::toString).containsExactlyInAnyOrder(
                "ServiceAccount pra/fencer: update statefulsets/scale.apps in namespace shop "
                        + "(RoleBinding shop/fence -> ClusterRole fence, rule 0)",
                "ServiceAccount pra/fencer: update deployments/scale.apps in namespace payments "
                        + "(RoleBinding payments/fence -> ClusterRole fence, rule 0)",
                "ServiceAccount pra/fencer: update statefulsets/scale.apps in namespace payments "
                        + "(RoleBinding payments/fence -> ClusterRole fence, rule 0)",
                "ServiceAccount pra/fencer: get dnsendpoints.externaldns.k8s.io named pra-traffic cluster-wide "
                        + "(ClusterRoleBinding cutover -> ClusterRole cutover, rule 0)");
    }

    @Test
    void theTestKitsOwnCallsAreNotWritten() {
        AuthorizationLog log = new AuthorizationLog();
        log.record(new RbacAuthorizer(RbacPolicy.kubernetesDefaults()).authorize(UserInfo.ADMIN,
                RequestAttributes.of("GET", "/api/v1/nodes")));

        DecisionFiles.write(dir, "a", log);

        assertThat(DecisionFiles.read(dir)).isEmpty();
    }
}
