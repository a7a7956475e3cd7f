package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * Which binding, role, subject and rule allowed a request.
 *
 * @param bindingKind      {@code RoleBinding} or {@code ClusterRoleBinding}
 * @param bindingNamespace the RoleBinding's namespace, {@code ""} for a ClusterRoleBinding
 * @param bindingName      the binding's name
 * @param roleKind         {@code Role} or {@code ClusterRole}
 * @param roleName         the role's name
 * @param subject          the binding's subject that matched the user
 * @param ruleIndex        the rule's position in the role's {@code rules}
 * @param rule             the rule itself
 */
public record RuleSource(String bindingKind, String bindingNamespace, String bindingName, String roleKind,
        String roleName, Subject subject, int ruleIndex, PolicyRule rule) {

    /** In the Kubernetes authorizer's words, e.g. {@code RoleBinding "x/shop" of ClusterRole "y" to ServiceAccount ...}. */
    @Override
    public String toString() {
        String binding = bindingNamespace.isEmpty() ? bindingName : bindingName + "/" + bindingNamespace;
        String who = subject.getKind().equals("ServiceAccount")
                ? subject.getName() + "/" + (subject.getNamespace() == null || subject.getNamespace().isEmpty()
                        ? bindingNamespace : subject.getNamespace())
                : subject.getName();
        return bindingKind + " \"" + binding + "\" of " + roleKind + " \"" + roleName + "\" to " + subject.getKind()
                + " \"" + who + "\", rule " + ruleIndex;
    }
}
