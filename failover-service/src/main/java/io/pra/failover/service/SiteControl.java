package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.SiteMode;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;

/**
 * What an operator does to a protected site: ask for a failover, change its mode. Each runs in
 * one transaction under the site's row lock, with its audit line (and, for a failover, its
 * events through the outbox).
 */
@ApplicationScoped
public class SiteControl {

    private static final Logger LOG = Logger.getLogger(SiteControl.class);

    private final Clock clock;
    private final SiteRepository sites;
    private final AuditRepository audit;
    private final FailoverDecider decider;

    SiteControl(Clock clock, SiteRepository sites, AuditRepository audit,
            FailoverDecider decider) {
        this.clock = clock;
        this.sites = sites;
        this.audit = audit;
        this.decider = decider;
    }

    /**
     * Decides a manual failover of {@code siteId} through the same guards as a quorum; the run
     * waits for another operator's approval. Throws {@link FailoverRefused} when a guard says no.
     */
    @Transactional
    public FailoverRun requestFailover(String siteId, String operator, String reason) {
        SiteEntity site = locked(siteId);
        FailoverDecision decision = decider.decideManually(site, operator, reason);
        if (decision instanceof FailoverDecision.Refused refused) {
            throw new FailoverRefused(refused.guard(), refused.reason());
        }
        return ((FailoverDecision.Decided) decision).run();
    }

    /** Sets the site's mode; the next decision reads it. Audited with the previous mode and the reason. */
    @Transactional
    public SiteEntity changeMode(String siteId, SiteMode mode, String operator, String reason) {
        SiteEntity site = locked(siteId);
        SiteMode previous = site.mode;
        Instant now = clock.instant();
        site.mode = mode;
        site.updatedAt = now;
        audit.append(now, operator, "site.mode-changed", siteId, null, site.epoch,
                "mode " + previous + " -> " + mode + ": " + reason);
        LOG.infof("site mode changed: site=%s %s -> %s by %s (%s)", siteId, previous, mode, operator, reason);
        return site;
    }

    private SiteEntity locked(String siteId) {
        SiteEntity site = sites.findById(siteId, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw new NoSuchRecord("no protected site named " + siteId);
        }
        return site;
    }
}
