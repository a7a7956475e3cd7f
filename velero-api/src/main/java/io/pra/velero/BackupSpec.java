package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Objects;

/** What a Velero Backup captures and where it stores it (Velero's `BackupSpec`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class BackupSpec {

    /** Namespaces to back up; empty or `*` means all. */
    private List<String> includedNamespaces;
    private List<String> excludedNamespaces;
    /** Resource names (`deployments`, `configmaps`...); empty means all. */
    private List<String> includedResources;
    private List<String> excludedResources;
    private Boolean includeClusterResources;
    /** Only objects matching this selector are backed up. */
    private LabelSelector labelSelector;
    private List<LabelSelector> orLabelSelectors;
    private Boolean snapshotVolumes;
    /** Retention as a Go duration (`720h0m0s`); see {@link GoDuration}. */
    private String ttl;
    /** Name of the BackupStorageLocation; empty means the default location. */
    private String storageLocation;
    private List<String> volumeSnapshotLocations;
    private Boolean defaultVolumesToFsBackup;
    private String csiSnapshotTimeout;
    private String itemOperationTimeout;

    public List<String> getIncludedNamespaces() {
        return includedNamespaces;
    }

    public void setIncludedNamespaces(List<String> includedNamespaces) {
        this.includedNamespaces = includedNamespaces;
    }

    public List<String> getExcludedNamespaces() {
        return excludedNamespaces;
    }

    public void setExcludedNamespaces(List<String> excludedNamespaces) {
        this.excludedNamespaces = excludedNamespaces;
    }

    public List<String> getIncludedResources() {
        return includedResources;
    }

    public void setIncludedResources(List<String> includedResources) {
        this.includedResources = includedResources;
    }

    public List<String> getExcludedResources() {
        return excludedResources;
    }

    public void setExcludedResources(List<String> excludedResources) {
        this.excludedResources = excludedResources;
    }

    public Boolean getIncludeClusterResources() {
        return includeClusterResources;
    }

    public void setIncludeClusterResources(Boolean includeClusterResources) {
        this.includeClusterResources = includeClusterResources;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public List<LabelSelector> getOrLabelSelectors() {
        return orLabelSelectors;
    }

    public void setOrLabelSelectors(List<LabelSelector> orLabelSelectors) {
        this.orLabelSelectors = orLabelSelectors;
    }

    public Boolean getSnapshotVolumes() {
        return snapshotVolumes;
    }

    public void setSnapshotVolumes(Boolean snapshotVolumes) {
        this.snapshotVolumes = snapshotVolumes;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    public void setStorageLocation(String storageLocation) {
        this.storageLocation = storageLocation;
    }

    public List<String> getVolumeSnapshotLocations() {
        return volumeSnapshotLocations;
    }

    public void setVolumeSnapshotLocations(List<String> volumeSnapshotLocations) {
        this.volumeSnapshotLocations = volumeSnapshotLocations;
    }

    public Boolean getDefaultVolumesToFsBackup() {
        return defaultVolumesToFsBackup;
    }

    public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
        this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
    }

    public String getCsiSnapshotTimeout() {
        return csiSnapshotTimeout;
    }

    public void setCsiSnapshotTimeout(String csiSnapshotTimeout) {
        this.csiSnapshotTimeout = csiSnapshotTimeout;
    }

    public String getItemOperationTimeout() {
        return itemOperationTimeout;
    }

    public void setItemOperationTimeout(String itemOperationTimeout) {
        this.itemOperationTimeout = itemOperationTimeout;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BackupSpec)) {
            return false;
        }
        BackupSpec that = (BackupSpec) other;
        return Objects.equals(includedNamespaces, that.includedNamespaces)
                && Objects.equals(excludedNamespaces, that.excludedNamespaces)
                && Objects.equals(includedResources, that.includedResources)
                && Objects.equals(excludedResources, that.excludedResources)
                && Objects.equals(includeClusterResources, that.includeClusterResources)
                && Objects.equals(labelSelector, that.labelSelector)
                && Objects.equals(orLabelSelectors, that.orLabelSelectors)
                && Objects.equals(snapshotVolumes, that.snapshotVolumes)
                && Objects.equals(ttl, that.ttl)
                && Objects.equals(storageLocation, that.storageLocation)
                && Objects.equals(volumeSnapshotLocations, that.volumeSnapshotLocations)
                && Objects.equals(defaultVolumesToFsBackup, that.defaultVolumesToFsBackup)
                && Objects.equals(csiSnapshotTimeout, that.csiSnapshotTimeout)
                && Objects.equals(itemOperationTimeout, that.itemOperationTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(includedNamespaces, excludedNamespaces, includedResources, excludedResources, includeClusterResources, labelSelector, orLabelSelectors, snapshotVolumes, ttl, storageLocation, volumeSnapshotLocations, defaultVolumesToFsBackup, csiSnapshotTimeout, itemOperationTimeout);
    }

    @Override
    public String toString() {
        return "BackupSpec{"
                + "includedNamespaces=" + includedNamespaces
                + ", excludedNamespaces=" + excludedNamespaces
                + ", includedResources=" + includedResources
                + ", excludedResources=" + excludedResources
                + ", includeClusterResources=" + includeClusterResources
                + ", labelSelector=" + labelSelector
                + ", orLabelSelectors=" + orLabelSelectors
                + ", snapshotVolumes=" + snapshotVolumes
                + ", ttl=" + ttl
                + ", storageLocation=" + storageLocation
                + ", volumeSnapshotLocations=" + volumeSnapshotLocations
                + ", defaultVolumesToFsBackup=" + defaultVolumesToFsBackup
                + ", csiSnapshotTimeout=" + csiSnapshotTimeout
                + ", itemOperationTimeout=" + itemOperationTimeout
                + "}";
    }
}
