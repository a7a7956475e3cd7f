package io.pra.health.service;

import io.pra.health.config.HealthConfig;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.SitePlan;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The probers of each check kind, shared by every check of that kind. */
@ApplicationScoped
public class ProberRegistry {

    private final HttpProber http;
    private final TcpProber tcp;

    ProberRegistry(Vertx vertx, HealthConfig config) {
        this.http = new HttpProber(vertx, config.httpPoolSize());
        this.tcp = new TcpProber(vertx);
    }

    /** Sets up what the planned checks need before the first round. */
    void prepare(List<SitePlan> plans) {
    }

    Prober forCheck(CheckSpec check) {
        return switch (check.kind()) {
            case HTTP -> http;
            case TCP -> tcp;
            default -> throw new IllegalStateException("no prober for " + check.kind());
        };
    }

    @PreDestroy
    void close() {
        http.close();
        tcp.close();
    }
}
