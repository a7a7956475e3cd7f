package io.pra.health.domain;

import io.pra.events.health.FailingCheck;
import java.time.Instant;
import java.util.List;

/**
 * Whether one site is DOWN for this observer, from the states of its checks. An episode runs from the evaluation
 * that finds the site DOWN to the one that finds it up again; its {@code firstFailedAt} is fixed when it starts
 * ({@link DownRule#heldSince}) and carried unchanged by every heartbeat and by the {@code pra.site.up} that ends it.
 * Not thread-safe.
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
        boolean changed = nowDown != down;
        Instant endedOutageStart = firstFailedAt;
        if (nowDown && !down) {
            firstFailedAt = rule.heldSince(checks).orElseThrow(
                    () -> new IllegalStateException("site " + site + " is down without a failing critical check"));
        } else if (!nowDown) {
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
