package io.pra.health.k8s;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.pra.health.config.HealthConfig;
import io.pra.health.service.AuditLedger;
import io.pra.health.service.KubernetesProbers;
import io.pra.health.service.Prober;

/** One fabric8 client pool per site, and the Kubernetes probers working on them; closes the pools at shutdown. */
@ApplicationScoped
public class SiteApiProbers implements KubernetesProbers {

    private final SiteClientPools siteClients;
    private final KubernetesProber readiness;
    private final AuditProber audit;

    SiteApiProbers(HealthConfig config, AuditLedger ledger) {
        this.siteClients = new SiteClientPools(config);
        this.readiness = new KubernetesProber(siteClients);
        this.audit = new AuditProber(siteClients, ledger);
    }

    @Override
    public Prober readiness() {
        return readiness;
    }

    @Override
    public Prober audit() {
        return audit;
    }

    @PreDestroy
    void close() {
        siteClients.close();
    }
}
