package io.pra.testkit.site.rbac;

import java.util.Optional;

/**
 * One authorization decision of a fake site: who asked for what, whether it was allowed, and by which rule.
 *
 * @param user      the authenticated user
 * @param request   what was asked
 * @param allowedBy the rule that allowed it; empty when refused
 */
public record Decision(UserInfo user, RequestAttributes request, Optional<RuleSource> allowedBy) {

    public boolean allowed() {
        return allowedBy.isPresent();
    }

    /** {@code allowed|refused: <user> <verb> <resource> ... [by <source>]}, for test failure messages. */
    @Override
    public String toString() {
        return (allowed() ? "allowed: " : "refused: ") + user.name() + " " + request.describe()
                + allowedBy.map(source -> " by " + source).orElse("");
    }
}
