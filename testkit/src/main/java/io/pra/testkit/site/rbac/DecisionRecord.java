package io.pra.testkit.site.rbac;

import java.util.Optional;

/**
 * One distinct decision of a fake site as written to a decisions file: who, what, whether allowed and by which
 * binding and rule, and how many times it was taken.
 *
 * @param user             the authenticated user
 * @param request          what was asked
 * @param allowed          whether a rule allowed it
 * @param bindingKind      the allowing binding's kind, {@code ""} when refused
 * @param bindingNamespace the allowing RoleBinding's namespace, {@code ""} otherwise
 * @param bindingName      the allowing binding's name, {@code ""} when refused
 * @param ruleIndex        the allowing rule's index in its role, -1 when refused
 * @param count            how many times the same decision was taken
 */
public record DecisionRecord(UserInfo user, RequestAttributes request, boolean allowed, String bindingKind,
        String bindingNamespace, String bindingName, int ruleIndex, int count) {

    /** The record of {@code decision}, taken {@code count} times. */
    public static DecisionRecord of(Decision decision, int count) {
        Optional<RuleSource> source = decision.allowedBy();
        return new DecisionRecord(decision.user(), decision.request(), decision.allowed(),
                source.map(RuleSource::bindingKind).orElse(""), source.map(RuleSource::bindingNamespace).orElse(""),
                source.map(RuleSource::bindingName).orElse(""), source.map(RuleSource::ruleIndex).orElse(-1), count);
    }

    @Override
    public String toString() {
        return (allowed ? "allowed: " : "refused: ") + user.name() + " " + request.describe()
                + (allowed ? " by " + bindingKind + " " + (bindingNamespace.isEmpty() ? "" : bindingNamespace + "/")
                        + bindingName + " rule " + ruleIndex : "") + " (" + count + "x)";
    }
}
