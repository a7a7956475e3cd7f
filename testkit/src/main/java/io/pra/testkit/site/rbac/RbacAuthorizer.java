package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes RBAC authorizer over one {@link RbacPolicy}: a request is allowed when a rule of a role bound to the
 * user allows it; ClusterRoleBindings apply everywhere, RoleBindings only to requests in their own namespace (whether
 * they refer to a Role of that namespace or to a ClusterRole). Deny by default, no deny rules. Bindings are visited
 * ClusterRoleBindings first, each kind in the policy's order, and the first allowing rule is the one recorded.
 */
public final class RbacAuthorizer {

    private final RbacPolicy policy;

    public RbacAuthorizer(RbacPolicy policy) {
        this.policy = policy;
    }

    /** Whether {@code user} may do {@code request}, and by which rule. */
    public Decision authorize(UserInfo user, RequestAttributes request) {
        for (ClusterRoleBinding binding : policy.clusterRoleBindings()) {
            Optional<RuleSource> source = visit("ClusterRoleBinding", "", binding.getMetadata().getName(),
                    binding.getRoleRef(), binding.getSubjects(), user, request);
            if (source.isPresent()) {
                return new Decision(user, request, source);
            }
        }
        if (!request.namespace().isEmpty()) {
            for (RoleBinding binding : policy.roleBindings()) {
                String namespace = binding.getMetadata().getNamespace();
                if (!namespace.equals(request.namespace())) {
                    continue;
                }
                Optional<RuleSource> source = visit("RoleBinding", namespace, binding.getMetadata().getName(),
                        binding.getRoleRef(), binding.getSubjects(), user, request);
                if (source.isPresent()) {
                    return new Decision(user, request, source);
                }
            }
        }
        return new Decision(user, request, Optional.empty());
    }

    private Optional<RuleSource> visit(String bindingKind, String bindingNamespace, String bindingName, RoleRef roleRef,
            List<Subject> subjects, UserInfo user, RequestAttributes request) {
        Optional<Subject> subject = subjects == null ? Optional.empty()
                : subjects.stream().filter(s -> appliesTo(s, user, bindingNamespace)).findFirst();
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyRule> rules = rules(roleRef, bindingNamespace);
        for (int i = 0; i < rules.size(); i++) {
            if (PolicyRules.allows(rules.get(i), request)) {
                return Optional.of(new RuleSource(bindingKind, bindingNamespace, bindingName, roleRef.getKind(),
                        roleRef.getName(), subject.get(), i, rules.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The rules a binding grants; a binding to a missing role grants nothing, as in Kubernetes. */
    private List<PolicyRule> rules(RoleRef roleRef, String bindingNamespace) {
        List<PolicyRule> rules = switch (roleRef.getKind()) {
            case "Role" -> bindingNamespace.isEmpty() ? null
                    : policy.role(bindingNamespace, roleRef.getName()).map(r -> r.getRules()).orElse(null);
            case "ClusterRole" -> policy.clusterRole(roleRef.getName()).map(r -> r.getRules()).orElse(null);
            default -> null;
        };
        return rules == null ? List.of() : rules;
    }

    /** A User by name, a Group by membership, a ServiceAccount by its user name (namespace defaulting to the binding's). */
    static boolean appliesTo(Subject subject, UserInfo user, String bindingNamespace) {
        return switch (subject.getKind()) {
            case "User" -> user.name().equals(subject.getName());
            case "Group" -> user.groups().contains(subject.getName());
            case "ServiceAccount" -> {
                String namespace = subject.getNamespace() == null || subject.getNamespace().isEmpty()
                        ? bindingNamespace : subject.getNamespace();
                yield !namespace.isEmpty()
                        && ("system:serviceaccount:" + namespace + ":" + subject.getName()).equals(user.name());
            }
            default -> false;
        };
    }
}
