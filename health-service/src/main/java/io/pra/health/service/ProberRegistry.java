package io.pra.health.service;

import io.pra.health.config.HealthConfig;
import io.pra.health.domain.CheckSpec;
import io.pra.health.k8s.AuditProber;
import io.pra.health.k8s.KubernetesProber;
import io.pra.health.k8s.SiteClientPools;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The probers of each check kind, shared by every check of that kind. */
@ApplicationScoped
public class ProberRegistry {

    private final HttpProber http;
    private final TcpProber tcp;
    private final PromQlProber promQl;
    private final AlertProber alert;
    private final SiteClientPools siteClients;
    private final KubernetesProber kubernetes;
    private final AuditProber audit;

    ProberRegistry(Vertx vertx, HealthConfig config, AlertBoard alerts, AuditLedger ledger) {
        this.http = new HttpProber(vertx, config.httpPoolSize());
        this.tcp = new TcpProber(vertx);
        this.promQl = new PromQlProber(vertx);
        this.alert = new AlertProber(alerts);
        this.siteClients = new SiteClientPools(config);
        this.kubernetes = new KubernetesProber(siteClients);
        this.audit = new AuditProber(siteClients, ledger);
    }

    Prober forCheck(CheckSpec check) {
        return switch (check.kind()) {
            case HTTP -> http;
            case TCP -> tcp;
            case PROMQL -> promQl;
            case ALERT -> alert;
            case KUBERNETES_API, NODES, WORKLOAD -> kubernetes;
            case AUDIT -> audit;
        };
    }

    @PreDestroy
    void close() {
        http.close();
        tcp.close();
        promQl.close();
        siteClients.close();
    }
}
