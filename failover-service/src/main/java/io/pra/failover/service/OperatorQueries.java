package io.pra.failover.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.pra.events.EventJson;
import io.pra.events.failover.QuorumVote;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.QuorumTally;
import io.pra.failover.domain.Vote;
import io.pra.failover.persistence.AuditEntry;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.BackupSeenRepository;
import io.pra.failover.persistence.PhaseRepository;
import io.pra.failover.persistence.RunEntities;
import io.pra.failover.persistence.RunEntity;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.failover.persistence.VoteRepository;
import io.quarkus.panache.common.Sort;

/** What the operator API reads: sites with their votes and exposure, runs with their phases, the audit log. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OperatorQueries {

    private static final TypeReference<List<QuorumVote>> VOTES = new TypeReference<>() {
    };

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final Clock clock;
    private final SiteRepository sites;
    private final VoteRepository votes;
    private final BackupSeenRepository backups;
    private final RunRepository runs;
    private final PhaseRepository phases;
    private final AuditRepository audit;

    OperatorQueries(FailoverConfig config, QuorumPolicy policy, Clock clock, SiteRepository sites,
            VoteRepository votes, BackupSeenRepository backups, RunRepository runs, PhaseRepository phases,
            AuditRepository audit) {
        this.config = config;
        this.policy = policy;
        this.clock = clock;
        this.sites = sites;
        this.votes = votes;
        this.backups = backups;
        this.runs = runs;
        this.phases = phases;
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
    public List<RunDetail> runs(String siteId, int offset, int limit) {
        return runs.newestFirst(siteId, offset, limit).stream().map(this::detail).toList();
    }

    public RunDetail run(UUID failoverId) {
        RunEntity row = runs.findById(failoverId);
        if (row == null) {
            throw new NoSuchRecord("no failover run with id " + failoverId);
        }
        return detail(row);
    }

    /** The latest audit entries, newest first, of one site or all ({@code siteId} null). */
    public List<AuditEntry> audit(String siteId, int limit) {
        return audit.newestFirst(siteId, limit);
    }

    private SiteStatus status(SiteEntity site) {
        Instant now = clock.instant();
        List<Vote> latest = votes.latestVotes(site.siteId);
        return new SiteStatus(site.siteId, config.targetSite(), site.mode, site.epoch,
                QuorumTally.of(policy, latest).evaluate(now), latest, policy.voteTtl(),
                BackupCandidate.newestRestorable(backups.candidatesOn(site.siteId, config.targetSite()), now),
                runs.activeRun(site.siteId).map(this::detail), now);
    }

    private RunDetail detail(RunEntity row) {
        return new RunDetail(row, RunEntities.toDomain(row, phases.records(row.failoverId)), quorumVotes(row));
    }

    private static List<QuorumVote> quorumVotes(RunEntity row) {
        try {
            return EventJson.mapper().readValue(row.quorumVotes, VOTES);
        } catch (IOException e) {
            throw new IllegalStateException("run " + row.failoverId + " has unreadable quorum votes", e);
        }
    }
}
