package io.pra.health.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.pra.health.config.HealthConfig;
import io.pra.kit.api.ServiceInfo;

/** What {@code GET /api/v1/info} shows of this observer (no secrets). */
@Singleton
public class HealthInfo implements ServiceInfo {

    private final HealthConfig config;

    HealthInfo(HealthConfig config) {
        this.config = config;
    }

    @Override
    public String service() {
        return "health-service";
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("observerId", config.observerId());
        settings.put("failureDomain", config.failureDomain());
        settings.put("sites", config.sites().keySet().stream().sorted().toList());
        return settings;
    }
}
