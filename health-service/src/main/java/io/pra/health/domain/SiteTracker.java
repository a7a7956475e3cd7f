package io.pra.health.domain;

import io.pra.events.health.FailingCheck;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whether one site is DOWN for this observer, from the states of its checks. Not thread-safe.
 */
public final class SiteTracker {

    private final String site;
    private final DownRule rule;
    private boolean down;
    private Instant firstFailedAt;

    public SiteTracker(String site, DownRule rule) {
        this.site = site;
        this.rule = rule;
    }

    /** What the checks say about the site: its new verdict and whether it changed. */
    public SiteVerdict evaluate(List<CheckSnapshot> checks) {
        boolean nowDown = rule.isDown(checks);
        List<FailingCheck> failing = checks.stream()
                .filter(check -> check.spec().critical() && check.status() == CheckStatus.DEGRADED)
                .map(check -> new FailingCheck(check.spec().checkId(), check.spec().kind().eventKind(),
                        check.lastEvidence()))
                .toList();
        Instant outageStart = checks.stream()
                .filter(check -> check.spec().critical() && check.status() == CheckStatus.DEGRADED)
                .map(CheckSnapshot::degradedSince)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        boolean changed = nowDown != down;
        Instant endedOutageStart = firstFailedAt;
        if (nowDown) {
            // The disaster start is the earliest failure seen during this outage, even if that check healed since.
            firstFailedAt = firstFailedAt == null || (outageStart != null && outageStart.isBefore(firstFailedAt))
                    ? outageStart : firstFailedAt;
        } else {
            firstFailedAt = null;
        }
        down = nowDown;
        return new SiteVerdict(site, nowDown, changed, nowDown ? firstFailedAt : endedOutageStart, failing);
    }

    public boolean isDown() {
        return down;
    }

    public String site() {
        return site;
    }
}
