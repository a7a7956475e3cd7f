package io.pra.failover.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.SiteMode;
import io.pra.failover.domain.Vote;
import io.pra.failover.service.SiteStatus;

/**
 * A protected site in API answers: mode, epoch, every observer's latest vote with its freshness, failure domain
 * and clock offset, the quorum across failure domains, the RPO exposure (null when no backup is restorable on the target) and the active run.
 */
public record SiteView(String siteId, String targetSite, SiteMode mode, long epoch, QuorumView quorum,
        List<VoteView> votes, ExposureView rpoExposure, RunView activeRun, Instant readAt) {

    /**
     * Fresh down votes against the quorum: {@code reached} when enough observers in enough failure domains agree;
     * {@code incomplete} when enough observers agree in too few domains (not a site loss: an operator decides).
     */
    public record QuorumView(int required, int requiredDomains, int freshDownVotes, List<String> domains,
            boolean reached, boolean incomplete) {
    }

    /**
     * An observer's latest admitted vote; {@code fresh} is true while it counts (TTL from its event time);
     * {@code clockOffsetSeconds} is the observer's clock minus the broker's when it voted.
     */
    public record VoteView(String observerId, String failureDomain, String bootId, long sequence, boolean down,
            Instant observedAt, Instant eventTime, Instant receivedAt, Instant firstFailedAt, double clockOffsetSeconds,
            boolean fresh) {
    }

    /** Now minus the start of the newest backup restorable on the target. */
    public record ExposureView(String backupName, Instant backupStartedAt, String exposure, long exposureSeconds) {
    }

    static SiteView of(SiteStatus status) {
        List<VoteView> votes = status.votes().stream()
                .sorted(Comparator.comparing(Vote::observerId))
                .map(vote -> new VoteView(vote.observerId(), status.domains().get(vote.observerId()), vote.bootId(),
                        vote.sequence(), vote.down(), vote.observedAt(), vote.eventTime(), vote.receivedAt(),
                        vote.firstFailedAt(), vote.clockOffset().toNanos() / 1e9,
                        vote.isFreshAt(status.now(), status.voteTtl())))
                .toList();
        return new SiteView(status.siteId(), status.targetSite(), status.mode(), status.epoch(),
                new QuorumView(status.quorum().required(), status.quorum().requiredDomains(),
                        status.quorum().downVotes().size(), status.quorum().domains().stream().sorted().toList(),
                        status.quorum().reached(), status.quorum().incomplete()),
                votes, status.newestBackup().map(backup -> exposure(backup, status.now())).orElse(null),
                status.activeRun().map(RunView::of).orElse(null), status.now());
    }

    private static ExposureView exposure(BackupCandidate backup, Instant now) {
        Duration exposure = Duration.between(backup.startedAt(), now);
        return new ExposureView(backup.backupName(), backup.startedAt(), exposure.toString(), exposure.toSeconds());
    }
}
