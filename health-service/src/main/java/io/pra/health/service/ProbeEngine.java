package io.pra.health.service;

import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.SitePlan;
import io.pra.health.domain.StartupGrace;
import io.pra.health.domain.VoteSequence;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Every site this observer watches, with one vote sequence for all of them. Plain Java: the service and the benchmark build it. */
public final class ProbeEngine {

    private final Map<String, SiteWatch> sites = new LinkedHashMap<>();

    public ProbeEngine(List<SitePlan> plans, ObserverIdentity observer, StartupGrace grace, Vertx vertx, Clock clock,
            EventSink sink, HealthMetrics metrics, Function<CheckSpec, Prober> probers) {
        VoteSequence sequence = new VoteSequence(clock);
        for (SitePlan plan : plans) {
            sites.put(plan.site(), new SiteWatch(plan, observer, grace, vertx, clock, sink, sequence, metrics,
                    probers));
        }
    }

    public void start() {
        sites.values().forEach(SiteWatch::start);
    }

    public void stop() {
        sites.values().forEach(SiteWatch::stop);
    }

    public List<String> siteIds() {
        return List.copyOf(sites.keySet());
    }

    /** The checks of a site, if it is watched. */
    public Optional<List<CheckSnapshot>> checks(String site) {
        return Optional.ofNullable(sites.get(site)).map(SiteWatch::checks);
    }

    public boolean isDown(String site) {
        SiteWatch watch = sites.get(site);
        return watch != null && watch.isDown();
    }
}
