package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;

/** RBAC objects for the authorizer's tests. */
final class RbacFixtures {

    static final ServiceAccount FENCER = new ServiceAccount("pra", "fencer");

    private RbacFixtures() {
    }

    static Role role(String namespace, String name, PolicyRule... rules) {
        return new RoleBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withRules(rules).build();
    }

    static ClusterRole clusterRole(String name, PolicyRule... rules) {
        return new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata().withRules(rules).build();
    }

    static RoleBinding roleBinding(String namespace, String name, String roleKind, String roleName,
            Subject... subjects) {
        return new RoleBindingBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", roleKind, roleName).withSubjects(subjects).build();
    }

    static ClusterRoleBinding clusterRoleBinding(String name, String roleName, Subject... subjects) {
        return new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", roleName).withSubjects(subjects).build();
    }

    static Subject serviceAccount(ServiceAccount account) {
        return new SubjectBuilder().withKind("ServiceAccount").withNamespace(account.namespace())
                .withName(account.name()).build();
    }

    static Subject group(String name) {
        return new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName(name).build();
    }

    static Subject user(String name) {
        return new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(name).build();
    }
}
