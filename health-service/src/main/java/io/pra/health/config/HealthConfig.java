package io.pra.health.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the health-service (prefix {@code pra.health}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.health")
public interface HealthConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/health-service/<instance>}). */
    @WithDefault("${HOSTNAME:health-1}")
    String instance();

    /** This observer's id; only ids the failover-service knows count. */
    @WithDefault("obs-1")
    String observerId();

    /** Failure domain this observer runs in (zone, cloud, site). */
    @WithDefault("default")
    String failureDomain();

    /** Site this observer probes. */
    @WithDefault("a")
    String site();
}
