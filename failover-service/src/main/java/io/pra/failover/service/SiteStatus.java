package io.pra.failover.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.Quorum;
import io.pra.failover.domain.SiteMode;
import io.pra.failover.domain.Vote;

/**
 * A protected site as an operator sees it at {@code now}.
 *
 * @param siteId       the protected site
 * @param targetSite   the site it fails over to
 * @param mode         its stored mode
 * @param epoch        its current epoch
 * @param quorum       the fresh down votes against the quorum
 * @param votes        every observer's latest vote, fresh or not
 * @param voteTtl      how long a vote counts from its event time
 * @param domains      each observer's failure domain
 * @param newestBackup newest backup restorable on the target, if any: the RPO exposure is measured from it
 * @param activeRun    the run that is not over, if any
 * @param now          when this was read, on the service's clock
 */
public record SiteStatus(String siteId, String targetSite, SiteMode mode, long epoch, Quorum quorum,
        List<Vote> votes, Duration voteTtl, Map<String, String> domains, Optional<BackupCandidate> newestBackup,
        Optional<FailoverRun> activeRun, Instant now) {
}
