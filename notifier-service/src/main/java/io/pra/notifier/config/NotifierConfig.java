package io.pra.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notifier-service (prefix {@code pra.notifier}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.notifier")
public interface NotifierConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/notifier-service/<instance>}). */
    @WithDefault("${HOSTNAME:notifier-1}")
    String instance();

    /** Channel used when no routing rule matches. */
    @WithDefault("slack")
    String defaultChannel();
}
