package io.pra.notifier.api;

import java.util.Map;

import jakarta.inject.Singleton;

import io.pra.kit.api.ServiceInfo;
import io.pra.notifier.config.NotifierConfig;

/** What {@code GET /api/v1/info} shows of this notifier-service instance (no secrets: no channel URL). */
@Singleton
public class NotifierInfo implements ServiceInfo {

    private final NotifierConfig config;

    NotifierInfo(NotifierConfig config) {
        this.config = config;
    }

    @Override
    public String service() {
        return "notifier-service";
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("defaultChannel", config.defaultChannel());
    }
}
