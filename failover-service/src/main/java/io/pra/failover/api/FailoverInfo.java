package io.pra.failover.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.messaging.CloudEventBeans;
import io.pra.kit.api.ServiceInfo;

/** What {@code GET /api/v1/info} shows of this failover-service instance (no secrets). */
@Singleton
public class FailoverInfo implements ServiceInfo {

    private final FailoverConfig config;

    FailoverInfo(FailoverConfig config) {
        this.config = config;
    }

    @Override
    public String service() {
        return CloudEventBeans.SERVICE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sourceSite", config.sourceSite());
        settings.put("targetSite", config.targetSite());
        return settings;
    }
}
