package io.pra.failover.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.persistence.SiteRepository;
import io.quarkus.runtime.StartupEvent;

/** At start: checks the quorum settings and makes sure the protected site has its row (epoch 0, configured mode). */
@ApplicationScoped
public class SiteBootstrap {

    private static final Logger LOG = Logger.getLogger(SiteBootstrap.class);

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final Clock clock;
    private final SiteRepository sites;

    SiteBootstrap(FailoverConfig config, QuorumPolicy policy, Clock clock, SiteRepository sites) {
        this.config = config;
        this.policy = policy;
        this.clock = clock;
        this.sites = sites;
    }

    @Transactional
    void onStart(@Observes StartupEvent startup) {
        if (config.sourceSite().equals(config.targetSite())) {
            throw new IllegalArgumentException("pra.failover.source-site and pra.failover.target-site must differ, "
                    + "both are '" + config.sourceSite() + "'");
        }
        sites.createIfAbsent(config.sourceSite(), config.mode(), clock.instant());
        LOG.infof("protecting site=%s target=%s observers(domain)=%s quorum=%d in %d failure domains voteTtl=%s "
                + "allowedClockSkew=%s", config.sourceSite(), config.targetSite(), policy.domains(), policy.quorum(),
                policy.quorumDomains(), policy.voteTtl(), config.allowedClockSkew());
    }
}
