package io.pra.health.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.pra.events.signing.EventSigner;
import io.pra.health.config.HealthConfig;
import io.pra.health.config.HealthPlanner;
import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.SitePlan;
import io.pra.health.domain.StartupGrace;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Validates the configuration at start-up and runs the probe engine for the life of the application. A wrong setting
 * stops the service, naming the setting; so does a signing key that cannot be used (the signer is made, from its
 * files, when this bean is).
 */
@ApplicationScoped
public class HealthRuntime {

    private static final Logger LOG = Logger.getLogger(HealthRuntime.class);

    private final HealthConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final EventSink sink;
    private final MeterRegistry registry;
    private final ProberRegistry probers;
    private final EventSigner signer;
    private List<SitePlan> plans = List.of();
    private ProbeEngine engine;

    HealthRuntime(HealthConfig config, Vertx vertx, Clock clock, EventSink sink, MeterRegistry registry,
            ProberRegistry probers, EventSigner signer) {
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.sink = sink;
        this.registry = registry;
        this.probers = probers;
        this.signer = signer;
    }

    void onStart(@Observes StartupEvent event) {
        plans = HealthPlanner.plan(config);
        ObserverIdentity observer = new ObserverIdentity(config.observerId(), config.failureDomain(), config.voteTtl(),
                config.voteInterval());
        StartupGrace grace = new StartupGrace(clock.instant(), config.startupGrace());
        engine = new ProbeEngine(plans, observer, grace, vertx, clock, sink, new HealthMetrics(registry),
                probers::forCheck);
        engine.start();
        if (grace.active()) {
            LOG.infof("startup grace observer=%s grace=%s until=%s: a check that has not passed yet casts no vote "
                    + "until then (pra_checks_warming_up)", config.observerId(), grace.length(), grace.endsAt());
        }
        LOG.infof("observer=%s domain=%s watching sites=%s checks=%d signing-key=%s", config.observerId(),
                config.failureDomain(), engine.siteIds(), plans.stream().mapToInt(plan -> plan.checks().size()).sum(),
                signer.keyId());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (engine != null) {
            engine.stop();
        }
    }

    public List<String> siteIds() {
        return engine == null ? List.of() : engine.siteIds();
    }

    public Optional<List<CheckSnapshot>> checks(String site) {
        return engine == null ? Optional.empty() : engine.checks(site);
    }

    public boolean isDown(String site) {
        return engine != null && engine.isDown(site);
    }
}
