package io.pra.testkit.site.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading deploy/'s RBAC without kubectl; ops-checks' RbacRenderedIT compares the result with kubectl's. */
class DeployRbacTest {

    @TempDir
    Path dir;

    @Test
    void theShippedOverlaysBindEachServiceAccountToItsRoles() {
        RbacPolicy siteA = RbacPolicy.shipped("site-a");
        RbacAuthorizer authorizer = new RbacAuthorizer(siteA);

        assertThat(siteA.objects()).extracting(HasMetadata::getKind).contains("Role", "ClusterRole", "RoleBinding",
                "ClusterRoleBinding");
        assertThat(allowed(authorizer, ServiceAccount.FAILOVER_SERVICE, "PUT",
                "/apis/apps/v1/namespaces/shop/deployments/web/scale")).isTrue();
        assertThat(allowed(authorizer, ServiceAccount.FAILOVER_SERVICE, "PATCH",
                "/apis/apps/v1/namespaces/shop/deployments/web")).isFalse();
        assertThat(allowed(authorizer, ServiceAccount.BACKUP_SERVICE, "POST",
                "/apis/velero.io/v1/namespaces/velero/backups")).isTrue();
        assertThat(allowed(authorizer, ServiceAccount.HEALTH_SERVICE, "GET", "/api/v1/nodes")).isTrue();
        assertThat(allowed(authorizer, ServiceAccount.HEALTH_SERVICE, "GET",
                "/apis/apps/v1/namespaces/kube-system/deployments")).isFalse();
    }

    @Test
    void bothOverlaysShipTheSameRbac() {
        assertThat(RbacPolicy.shipped("site-b").objects())
                .containsExactlyInAnyOrderElementsOf(RbacPolicy.shipped("site-a").objects());
    }

    @Test
    void resourcesAndComponentsAreFollowedAndTheNamespaceIsSetOnNamespacedObjects() throws IOException {
        write("base/kustomization.yaml", "resources: [rbac.yaml]\n");
        write("base/rbac.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: reader}
                rules: [{apiGroups: [""], resources: [pods], verbs: [list]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: reader}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
                subjects:
                  - {kind: ServiceAccount, name: default}
                  - {kind: ServiceAccount, name: worker, namespace: pra}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: nodes}
                rules: [{apiGroups: [""], resources: [nodes], verbs: [list]}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ignored}
                """);
        write("overlays/x/kustomization.yaml", """
                namespace: team
                resources: [../../base]
                components: [../../component]
                labels: [{pairs: {team: x}}]
                """);
        write("component/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources: [binding.yaml]
                """);
        write("component/binding.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: nodes}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nodes}
                subjects: [{kind: ServiceAccount, name: worker, namespace: pra}]
                """);

        RbacPolicy policy = DeployRbac.load(dir, "x");

        assertThat(policy.role("team", "reader")).isPresent();
        assertThat(policy.clusterRole("nodes")).isPresent();
        assertThat(policy.roleBindings()).singleElement().satisfies(binding -> {
            assertThat(binding.getMetadata().getNamespace()).isEqualTo("team");
            assertThat(binding.getSubjects()).extracting(s -> s.getName() + "@" + s.getNamespace())
                    .containsExactly("default@team", "worker@pra");
        });
        assertThat(policy.clusterRoleBindings()).singleElement()
                .satisfies(binding -> assertThat(binding.getMetadata().getNamespace()).isNull());
    }

    @Test
    void transformationsItDoesNotReproduceAreRefusedWhenTheyReachRbac() throws IOException {
        write("base/kustomization.yaml", "resources: [role.yaml]\n");
        write("base/role.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: nodes}
                rules: []
                """);
        write("overlays/prefixed/kustomization.yaml", "namePrefix: x-\nresources: [../../base]\n");
        write("overlays/patched/kustomization.yaml", """
                resources: [../../base]
                patches:
                  - target: {kind: ClusterRole, name: nodes}
                    patch: '[{"op": "add", "path": "/rules/-", "value": {"verbs": ["*"]}}]'
                """);
        write("overlays/unknown/kustomization.yaml", "resources: [../../base]\nreplacements: []\n");

        assertThatThrownBy(() -> DeployRbac.load(dir, "prefixed")).hasMessageContaining("namePrefix");
        assertThatThrownBy(() -> DeployRbac.load(dir, "patched")).hasMessageContaining("patch of ClusterRole");
        assertThatThrownBy(() -> DeployRbac.load(dir, "unknown")).hasMessageContaining("replacements");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve("deploy").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static boolean allowed(RbacAuthorizer authorizer, ServiceAccount account, String method, String uri) {
        return authorizer.authorize(account.user(), RequestAttributes.of(method, uri)).allowed();
    }
}
