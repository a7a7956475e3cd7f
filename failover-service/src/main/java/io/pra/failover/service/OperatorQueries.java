package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.QuorumTally;
import io.pra.failover.domain.Vote;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.BackupSeenRepository;
import io.pra.failover.persistence.RunStore;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.failover.persistence.VoteRepository;
import io.quarkus.panache.common.Sort;

/** What the operator API reads: sites with their votes and exposure, runs with their phases, the audit log. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OperatorQueries {

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final Clock clock;
    private final SiteRepository sites;
    private final VoteRepository votes;
    private final BackupSeenRepository backups;
    private final RunStore runs;
    private final AuditRepository audit;

    OperatorQueries(FailoverConfig config, QuorumPolicy policy, Clock clock, SiteRepository sites,
            VoteRepository votes, BackupSeenRepository backups, RunStore runs, AuditRepository audit) {
        this.config = config;
        this.policy = policy;
        this.clock = clock;
        this.sites = sites;
        this.votes = votes;
        this.backups = backups;
        this.runs = runs;
        this.audit = audit;
    }

    public List<SiteStatus> sites() {
        return sites.listAll(Sort.by("siteId")).stream().map(this::status).toList();
    }

    public SiteStatus site(String siteId) {
        SiteEntity site = sites.findById(siteId);
        if (site == null) {
            throw new NoSuchRecord("no protected site named " + siteId);
        }
        return status(site);
    }

    /** Runs, newest first, of one site or all ({@code siteId} null). */
    public List<FailoverRun> runs(String siteId, int offset, int limit) {
        return runs.newestFirst(siteId, offset, limit);
    }

    public FailoverRun run(UUID failoverId) {
        return runs.find(failoverId).orElseThrow(() -> new NoSuchRecord("no failover run with id " + failoverId));
    }

    /** The latest audit entries, newest first, of one site or all ({@code siteId} null). */
    public List<AuditLine> audit(String siteId, int limit) {
        return audit.newestFirst(siteId, limit).stream().map(AuditLine::of).toList();
    }

    private SiteStatus status(SiteEntity site) {
        Instant now = clock.instant();
        List<Vote> latest = votes.latestVotes(site.siteId);
        return new SiteStatus(site.siteId, config.targetSite(), site.mode, site.epoch,
                QuorumTally.of(policy, latest).evaluate(now), latest, policy.voteTtl(), policy.domains(),
                BackupCandidate.newestRestorable(backups.candidatesOn(site.siteId, config.targetSite()), now),
                runs.active(site.siteId), now);
    }
}
