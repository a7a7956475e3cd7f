package io.pra.health.api;

import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.CheckStatus;
import java.util.List;

/**
 * A watched site in {@code GET /sites}.
 *
 * @param site      site id
 * @param down      whether this observer sees it DOWN
 * @param checks    number of checks
 * @param degraded  number of DEGRADED checks
 * @param warmingUp number of checks still in the startup grace (not passed once yet; their failures cast no vote)
 */
public record SiteView(String site, boolean down, int checks, long degraded, long warmingUp) {

    static SiteView of(String site, boolean down, List<CheckSnapshot> checks) {
        return new SiteView(site, down, checks.size(),
                checks.stream().filter(check -> check.status() == CheckStatus.DEGRADED).count(),
                checks.stream().filter(CheckSnapshot::warmingUp).count());
    }
}
