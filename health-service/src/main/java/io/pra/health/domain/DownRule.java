package io.pra.health.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Whether the checks show the site up, rather than not knowing yet: it is not down, it has critical checks, and
     * every one of them has been judged (not {@link CheckStatus#PENDING}: probed, and out of its start-up grace). Only
     * then may the observer vote it up: a site without critical checks gets no vote from it either way.
     */
    public boolean judgesUp(List<CheckSnapshot> checks) {
        List<CheckSnapshot> critical = checks.stream().filter(check -> check.spec().critical()).toList();
        return !critical.isEmpty() && critical.stream().noneMatch(check -> check.status() == CheckStatus.PENDING)
                && !isDown(checks);
    }

    /**
     * Since when the rule has held at probe level: the first failed probe after which enough critical checks were
     * failing together, i.e. the N-th earliest start of the critical checks' current failure streaks (N = every
     * critical check, or {@code minFailing}). A streak is the check's latest run of failed probes (for a DEGRADED
     * check that has passed since, without reaching its success threshold, the run before that pass); a check in its
     * start-up grace has no say. A check that was failing long before the others does not move the start back: the
     * site was not down then.
     */
    public Optional<Instant> heldSince(List<CheckSnapshot> checks) {
        List<CheckSnapshot> critical = checks.stream().filter(check -> check.spec().critical()).toList();
        List<Instant> streakStarts = critical.stream()
                .filter(check -> !check.warmingUp())
                .map(CheckSnapshot::firstFailedAt)
                .filter(Objects::nonNull)
                .sorted(Comparator.naturalOrder())
                .toList();
        int needed = mode == Mode.ALL_CRITICAL ? critical.size() : minFailing;
        return needed < 1 || streakStarts.size() < needed ? Optional.empty() : Optional.of(streakStarts.get(needed - 1));
    }
}
