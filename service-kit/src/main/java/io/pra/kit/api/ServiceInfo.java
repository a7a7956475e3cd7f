package io.pra.kit.api;

import java.util.Map;

/**
 * What a service says about itself at {@code GET /api/v1/info}; each service produces one bean from its config.
 *
 * @param service  the service's name, e.g. {@code backup-service}
 * @param instance this instance's name
 * @param settings the main settings, by name; never a secret
 */
public record ServiceInfo(String service, String instance, Map<String, Object> settings) {

    public ServiceInfo {
        settings = Map.copyOf(settings);
    }
}
