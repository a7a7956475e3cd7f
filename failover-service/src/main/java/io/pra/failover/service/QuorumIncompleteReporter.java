package io.pra.failover.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pra.events.failover.FailoverQuorumIncomplete;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.Quorum;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.SiteEntity;
import io.pra.kit.outbox.Outbox;

/**
 * Reports, once per episode, that enough observers vote the site down in too few failure domains (e.g. only site B's
 * during an A–B link cut): {@code pra.failover.quorum-incomplete}, an audit line and
 * {@code pra_failover_quorum_incomplete{site}}. Not a site loss: nothing fails over; an operator may by hand.
 */
@ApplicationScoped
public class QuorumIncompleteReporter {

    private static final Logger LOG = Logger.getLogger(QuorumIncompleteReporter.class);

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

    QuorumIncompleteReporter(FailoverConfig config, QuorumPolicy policy, AuditRepository audit, Outbox outbox,
            MeterRegistry registry) {
        this.config = config;
        this.policy = policy;
        this.audit = audit;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** Follows the site's quorum after a vote, in the caller's transaction (the site row is locked). */
    void track(SiteEntity site, Quorum quorum, Instant now) {
        gauge(site.siteId).set(quorum.incomplete() ? 1 : 0);
        if (quorum.incomplete() && site.quorumIncompleteSince == null) {
            site.quorumIncompleteSince = now;
            List<String> domains = quorum.domains().stream().sorted().toList();
            outbox.write(new FailoverQuorumIncomplete(site.siteId, config.targetSite(), now, quorum.required(),
                    quorum.requiredDomains(), quorum.downVotes().stream()
                            .map(vote -> vote.toQuorumVote(policy.domainOf(vote.observerId()))).toList(), domains));
            String detail = quorum.downVotes().size() + " observers vote down in " + domains + ", "
                    + quorum.requiredDomains() + " failure domains needed: not failing over on its own";
            audit.append(now, "quorum", "failover.quorum-incomplete", site.siteId, null, site.epoch, detail);
            LOG.warnf("quorum incomplete: site=%s %s; an operator may fail over by hand", site.siteId, detail);
        } else if (!quorum.incomplete() && site.quorumIncompleteSince != null) {
            LOG.infof("quorum no longer incomplete: site=%s (since %s)", site.siteId, site.quorumIncompleteSince);
            site.quorumIncompleteSince = null;
        }
    }

    private AtomicInteger gauge(String site) {
        return gauges.computeIfAbsent(site,
                key -> registry.gauge("pra.failover.quorum.incomplete", Tags.of("site", key), new AtomicInteger()));
    }
}
