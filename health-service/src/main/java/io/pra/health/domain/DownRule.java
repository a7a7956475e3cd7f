package io.pra.health.domain;

import java.util.List;

/**
 * When a site is DOWN for this observer, given its critical checks: all of them DEGRADED, or at least N.
 *
 * @param mode       which rule
 * @param minFailing for {@link Mode#AT_LEAST}: how many critical checks must be DEGRADED
 */
public record DownRule(Mode mode, int minFailing) {

    /** The two rules. */
    public enum Mode {
        ALL_CRITICAL, AT_LEAST
    }

    public static DownRule allCritical() {
        return new DownRule(Mode.ALL_CRITICAL, 1);
    }

    public static DownRule atLeast(int minFailing) {
        return new DownRule(Mode.AT_LEAST, minFailing);
    }

    /** Whether the site is down; a site without critical checks is never down. */
    public boolean isDown(List<CheckSnapshot> checks) {
        List<CheckSnapshot> critical = checks.stream().filter(check -> check.spec().critical()).toList();
        long degraded = critical.stream().filter(check -> check.status() == CheckStatus.DEGRADED).count();
        return switch (mode) {
            case ALL_CRITICAL -> !critical.isEmpty() && degraded == critical.size();
            case AT_LEAST -> degraded >= minFailing;
        };
    }
}
