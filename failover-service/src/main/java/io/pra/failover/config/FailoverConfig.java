package io.pra.failover.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the failover-service (prefix {@code pra.failover}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.failover")
public interface FailoverConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/failover-service/<instance>}). */
    @WithDefault("${HOSTNAME:failover-1}")
    String instance();

    /** Protected site that fails over. */
    @WithDefault("a")
    String sourceSite();

    /** Standby site that takes over. */
    @WithDefault("b")
    String targetSite();
}
