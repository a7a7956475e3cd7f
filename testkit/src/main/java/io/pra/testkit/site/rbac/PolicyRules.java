package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/**
 * Whether one RBAC rule allows a request, with the Kubernetes authorizer's matching: {@code *} for every verb, group,
 * resource or path; {@code ""} for the core group; {@code &#42;/<subresource>} for that subresource of any resource;
 * {@code resourceNames} that only a request carrying one of those names can meet; {@code nonResourceURLs} exact or
 * ending in {@code *} as a prefix.
 */
public final class PolicyRules {

    private static final String ALL = "*";

    private PolicyRules() {
    }

    /** True when {@code rule} allows {@code request}. */
    public static boolean allows(PolicyRule rule, RequestAttributes request) {
        if (request.resourceRequest()) {
            return verbMatches(rule, request.verb())
                    && apiGroupMatches(rule, request.apiGroup())
                    && resourceMatches(rule, request.combinedResource(), request.subresource())
                    && resourceNameMatches(rule, request.name());
        }
        return verbMatches(rule, request.verb()) && nonResourceUrlMatches(rule, request.path());
    }

    static boolean verbMatches(PolicyRule rule, String verb) {
        return list(rule.getVerbs()).stream().anyMatch(v -> v.equals(ALL) || v.equals(verb));
    }

    static boolean apiGroupMatches(PolicyRule rule, String group) {
        return list(rule.getApiGroups()).stream().anyMatch(g -> g.equals(ALL) || g.equals(group));
    }

    static boolean resourceMatches(PolicyRule rule, String combinedResource, String subresource) {
        for (String resource : list(rule.getResources())) {
            if (resource.equals(ALL) || resource.equals(combinedResource)) {
                return true;
            }
            if (!subresource.isEmpty() && resource.equals("*/" + subresource)) {
                return true;
            }
        }
        return false;
    }

    /** A rule without names applies to every object; one with names only to requests that name one of them. */
    static boolean resourceNameMatches(PolicyRule rule, String name) {
        List<String> names = list(rule.getResourceNames());
        return names.isEmpty() || names.contains(name);
    }

    static boolean nonResourceUrlMatches(PolicyRule rule, String path) {
        for (String url : list(rule.getNonResourceURLs())) {
            if (url.equals(ALL) || url.equals(path)) {
                return true;
            }
            if (url.endsWith("*") && path.startsWith(url.replaceAll("\\*+$", ""))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
