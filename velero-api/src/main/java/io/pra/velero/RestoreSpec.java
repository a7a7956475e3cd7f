package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a Velero Restore brings back and where (Velero's `RestoreSpec`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class RestoreSpec {

    /** The Backup to restore from. */
    private String backupName;
    /** When backupName is empty: restore the newest successful backup of this schedule. */
    private String scheduleName;
    private List<String> includedNamespaces;
    private List<String> excludedNamespaces;
    private List<String> includedResources;
    private List<String> excludedResources;
    /** Source namespace to target namespace; unmapped namespaces keep their name. */
    private Map<String, String> namespaceMapping;
    private LabelSelector labelSelector;
    private Boolean restorePVs;
    private Boolean preserveNodePorts;
    private Boolean includeClusterResources;
    private ExistingResourcePolicy existingResourcePolicy;
    private String itemOperationTimeout;

    public String getBackupName() {
        return backupName;
    }

    public void setBackupName(String backupName) {
        this.backupName = backupName;
    }

    public String getScheduleName() {
        return scheduleName;
    }

    public void setScheduleName(String scheduleName) {
        this.scheduleName = scheduleName;
    }

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

    public Map<String, String> getNamespaceMapping() {
        return namespaceMapping;
    }

    public void setNamespaceMapping(Map<String, String> namespaceMapping) {
        this.namespaceMapping = namespaceMapping;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public Boolean getRestorePVs() {
        return restorePVs;
    }

    public void setRestorePVs(Boolean restorePVs) {
        this.restorePVs = restorePVs;
    }

    public Boolean getPreserveNodePorts() {
        return preserveNodePorts;
    }

    public void setPreserveNodePorts(Boolean preserveNodePorts) {
        this.preserveNodePorts = preserveNodePorts;
    }

    public Boolean getIncludeClusterResources() {
        return includeClusterResources;
    }

    public void setIncludeClusterResources(Boolean includeClusterResources) {
        this.includeClusterResources = includeClusterResources;
    }

    public ExistingResourcePolicy getExistingResourcePolicy() {
        return existingResourcePolicy;
    }

    public void setExistingResourcePolicy(ExistingResourcePolicy existingResourcePolicy) {
        this.existingResourcePolicy = existingResourcePolicy;
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
        if (!(other instanceof RestoreSpec)) {
            return false;
        }
        RestoreSpec that = (RestoreSpec) other;
        return Objects.equals(backupName, that.backupName)
                && Objects.equals(scheduleName, that.scheduleName)
                && Objects.equals(includedNamespaces, that.includedNamespaces)
                && Objects.equals(excludedNamespaces, that.excludedNamespaces)
                && Objects.equals(includedResources, that.includedResources)
                && Objects.equals(excludedResources, that.excludedResources)
                && Objects.equals(namespaceMapping, that.namespaceMapping)
                && Objects.equals(labelSelector, that.labelSelector)
                && Objects.equals(restorePVs, that.restorePVs)
                && Objects.equals(preserveNodePorts, that.preserveNodePorts)
                && Objects.equals(includeClusterResources, that.includeClusterResources)
                && Objects.equals(existingResourcePolicy, that.existingResourcePolicy)
                && Objects.equals(itemOperationTimeout, that.itemOperationTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backupName, scheduleName, includedNamespaces, excludedNamespaces, includedResources, excludedResources, namespaceMapping, labelSelector, restorePVs, preserveNodePorts, includeClusterResources, existingResourcePolicy, itemOperationTimeout);
    }

    @Override
    public String toString() {
        return "RestoreSpec{"
                + "backupName=" + backupName
                + ", scheduleName=" + scheduleName
                + ", includedNamespaces=" + includedNamespaces
                + ", excludedNamespaces=" + excludedNamespaces
                + ", includedResources=" + includedResources
                + ", excludedResources=" + excludedResources
                + ", namespaceMapping=" + namespaceMapping
                + ", labelSelector=" + labelSelector
                + ", restorePVs=" + restorePVs
                + ", preserveNodePorts=" + preserveNodePorts
                + ", includeClusterResources=" + includeClusterResources
                + ", existingResourcePolicy=" + existingResourcePolicy
                + ", itemOperationTimeout=" + itemOperationTimeout
                + "}";
    }
}
