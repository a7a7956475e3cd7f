package io.pra.health.service;

import io.pra.health.config.HealthConfig;
import io.pra.health.domain.CheckSpec;
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
    private final Prober kubernetes;
    private final Prober audit;

    ProberRegistry(Vertx vertx, HealthConfig config, AlertBoard alerts, KubernetesProbers siteApi) {
        this.http = new HttpProber(vertx, config.httpPoolSize());
        this.tcp = new TcpProber(vertx);
        this.promQl = new PromQlProber(vertx);
        this.alert = new AlertProber(alerts);
        this.kubernetes = siteApi.readiness();
        this.audit = siteApi.audit();
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
    }
}
