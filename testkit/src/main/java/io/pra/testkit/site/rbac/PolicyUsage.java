package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which permissions of a policy the recorded decisions used: a {@link Grant} is used when a decision was allowed by
 * its binding and rule, for one of its subjects, and the request falls within its one verb, group and resource (or
 * path). What no decision used is more than the flows need.
 */
public final class PolicyUsage {

    private PolicyUsage() {
    }

    /** Every permission {@code policy} gives, binding by binding, subject by subject, rule by rule. */
    public static List<Grant> grants(RbacPolicy policy) {
        List<Grant> grants = new ArrayList<>();
        for (ClusterRoleBinding binding : policy.clusterRoleBindings()) {
            expand(policy, "ClusterRoleBinding", "", binding.getMetadata().getName(), binding.getRoleRef(),
                    binding.getSubjects(), grants);
        }
        for (RoleBinding binding : policy.roleBindings()) {
            expand(policy, "RoleBinding", binding.getMetadata().getNamespace(), binding.getMetadata().getName(),
                    binding.getRoleRef(), binding.getSubjects(), grants);
        }
        return grants;
    }

    /** The permissions of {@code policy} that none of {@code decisions} used. */
    public static List<Grant> unused(RbacPolicy policy, Collection<DecisionRecord> decisions) {
        List<DecisionRecord> allowed = decisions.stream().filter(DecisionRecord::allowed).toList();
        return grants(policy).stream().filter(grant -> allowed.stream().noneMatch(d -> uses(d, grant))).toList();
    }

    static boolean uses(DecisionRecord decision, Grant grant) {
        return decision.bindingKind().equals(grant.bindingKind())
                && decision.bindingNamespace().equals(grant.bindingNamespace())
                && decision.bindingName().equals(grant.bindingName())
                && decision.ruleIndex() == grant.ruleIndex()
                && RbacAuthorizer.appliesTo(grant.subject(), decision.user(), grant.bindingNamespace())
                && PolicyRules.allows(grant.asRule(), decision.request());
    }

    private static void expand(RbacPolicy policy, String bindingKind, String namespace, String name, RoleRef roleRef,
            List<Subject> subjects, List<Grant> grants) {
        List<PolicyRule> rules = switch (roleRef.getKind()) {
            case "Role" -> policy.role(namespace, roleRef.getName()).map(r -> r.getRules()).orElse(List.of());
            case "ClusterRole" -> policy.clusterRole(roleRef.getName()).map(r -> r.getRules()).orElse(List.of());
            default -> List.of();
        };
        for (Subject subject : subjects == null ? List.<Subject>of() : subjects) {
            for (int i = 0; i < rules.size(); i++) {
                PolicyRule rule = rules.get(i);
                for (String verb : list(rule.getVerbs())) {
                    for (String url : list(rule.getNonResourceURLs())) {
                        grants.add(new Grant(bindingKind, namespace, name, roleRef.getKind(), roleRef.getName(),
                                subject, i, verb, "", "", "", url));
                    }
                    for (String group : list(rule.getApiGroups())) {
                        for (String resource : list(rule.getResources())) {
                            List<String> names = list(rule.getResourceNames()).isEmpty() ? List.of("")
                                    : list(rule.getResourceNames());
                            for (String resourceName : names) {
                                grants.add(new Grant(bindingKind, namespace, name, roleRef.getKind(),
                                        roleRef.getName(), subject, i, verb, group, resource, resourceName, ""));
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
