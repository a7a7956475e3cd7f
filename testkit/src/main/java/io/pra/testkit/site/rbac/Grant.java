package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;

/**
 * One permission a policy gives: one subject of one binding, one rule of the bound role, narrowed to one verb and one
 * group and resource (and name), or one verb on one non-resource path.
 *
 * @param bindingKind      {@code RoleBinding} or {@code ClusterRoleBinding}
 * @param bindingNamespace the RoleBinding's namespace, {@code ""} for a ClusterRoleBinding
 * @param bindingName      the binding's name
 * @param roleKind         {@code Role} or {@code ClusterRole}
 * @param roleName         the role's name
 * @param subject          the subject it is given to
 * @param ruleIndex        the rule's position in the role
 * @param verb             one verb of the rule
 * @param apiGroup         one group of the rule ({@code ""} for a non-resource rule or the core group)
 * @param resource         one resource of the rule, {@code ""} for a non-resource rule
 * @param resourceName     one of the rule's names, {@code ""} when the rule names none
 * @param nonResourceUrl   one path of a non-resource rule, {@code ""} otherwise
 */
public record Grant(String bindingKind, String bindingNamespace, String bindingName, String roleKind, String roleName,
        Subject subject, int ruleIndex, String verb, String apiGroup, String resource, String resourceName,
        String nonResourceUrl) {

    /** The one-permission rule this grant stands for. */
    PolicyRule asRule() {
        PolicyRuleBuilder rule = new PolicyRuleBuilder().withVerbs(verb);
        if (nonResourceUrl.isEmpty()) {
            rule.withApiGroups(apiGroup).withResources(resource);
            if (!resourceName.isEmpty()) {
                rule.withResourceNames(List.of(resourceName));
            }
        } else {
            rule.withNonResourceURLs(nonResourceUrl);
        }
        return rule.build();
    }

    /** E.g. {@code ServiceAccount pra/failover-service: update deployments/scale.apps in namespace shop (...)}. */
    @Override
    public String toString() {
        String who = subject.getKind() + " " + (subject.getNamespace() == null || subject.getNamespace().isEmpty()
                ? "" : subject.getNamespace() + "/") + subject.getName();
        String what = nonResourceUrl.isEmpty()
                ? verb + " " + resource + (apiGroup.isEmpty() ? "" : "." + apiGroup)
                        + (resourceName.isEmpty() ? "" : " named " + resourceName)
                        + (bindingNamespace.isEmpty() ? " cluster-wide" : " in namespace " + bindingNamespace)
                : verb + " path " + nonResourceUrl;
        return who + ": " + what + " (" + bindingKind + " " + (bindingNamespace.isEmpty() ? "" : bindingNamespace + "/")
                + bindingName + " -> " + roleKind + " " + roleName + ", rule " + ruleIndex + ")";
    }
}
