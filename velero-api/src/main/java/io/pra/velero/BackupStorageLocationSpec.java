package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/** Where Velero keeps backups (Velero's `BackupStorageLocationSpec`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class BackupStorageLocationSpec {

    /** Object storage plugin, e.g. `aws` for any S3-compatible store. */
    private String provider;
    private Map<String, String> config;
    private ObjectStorageLocation objectStorage;
    private BackupStorageLocationAccessMode accessMode;
    /** How often Velero syncs Backup objects from this location (Go duration); 0 disables sync. */
    private String backupSyncPeriod;
    /** JSON `default`: the location used by backups that name none. */
    @JsonProperty("default")
    private boolean defaultLocation;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public ObjectStorageLocation getObjectStorage() {
        return objectStorage;
    }

    public void setObjectStorage(ObjectStorageLocation objectStorage) {
        this.objectStorage = objectStorage;
    }

    public BackupStorageLocationAccessMode getAccessMode() {
        return accessMode;
    }

    public void setAccessMode(BackupStorageLocationAccessMode accessMode) {
        this.accessMode = accessMode;
    }

    public String getBackupSyncPeriod() {
        return backupSyncPeriod;
    }

    public void setBackupSyncPeriod(String backupSyncPeriod) {
        this.backupSyncPeriod = backupSyncPeriod;
    }

    public boolean isDefaultLocation() {
        return defaultLocation;
    }

    public void setDefaultLocation(boolean defaultLocation) {
        this.defaultLocation = defaultLocation;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BackupStorageLocationSpec)) {
            return false;
        }
        BackupStorageLocationSpec that = (BackupStorageLocationSpec) other;
        return Objects.equals(provider, that.provider)
                && Objects.equals(config, that.config)
                && Objects.equals(objectStorage, that.objectStorage)
                && Objects.equals(accessMode, that.accessMode)
                && Objects.equals(backupSyncPeriod, that.backupSyncPeriod)
                && defaultLocation == that.defaultLocation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, config, objectStorage, accessMode, backupSyncPeriod, defaultLocation);
    }

    @Override
    public String toString() {
        return "BackupStorageLocationSpec{"
                + "provider=" + provider
                + ", config=" + config
                + ", objectStorage=" + objectStorage
                + ", accessMode=" + accessMode
                + ", backupSyncPeriod=" + backupSyncPeriod
                + ", defaultLocation=" + defaultLocation
                + "}";
    }
}
