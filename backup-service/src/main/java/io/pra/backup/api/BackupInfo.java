package io.pra.backup.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.pra.backup.config.BackupConfig;
import io.pra.backup.config.EventInfrastructure;
import io.pra.kit.api.ServiceInfo;

/** What {@code GET /api/v1/info} shows of this backup-service instance (no secrets). */
@Singleton
public class BackupInfo implements ServiceInfo {

    private final BackupConfig config;

    BackupInfo(BackupConfig config) {
        this.config = config;
    }

    @Override
    public String service() {
        return EventInfrastructure.SERVICE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sourceSite", config.sourceSite());
        settings.put("veleroNamespace", config.veleroNamespace());
        return settings;
    }
}
