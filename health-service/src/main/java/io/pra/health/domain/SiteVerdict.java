package io.pra.health.domain;

import io.pra.events.health.FailingCheck;
import java.time.Instant;
import java.util.List;

/**
 * A site's state for this observer after one evaluation.
 *
 * @param site          the site
 * @param down          whether it is DOWN
 * @param changed       whether this evaluation changed it
 * @param firstFailedAt start of the outage (when down), or of the outage that just ended (when it came back up)
 * @param failingChecks critical checks DEGRADED now
 */
public record SiteVerdict(String site, boolean down, boolean changed, Instant firstFailedAt,
        List<FailingCheck> failingChecks) {
}
