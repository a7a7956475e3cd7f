package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pra.velero.Backup;
import java.util.List;

/**
 * One backup as object storage holds it: the Backup as it was when it finished, and the captured objects.
 * Kept as JSON so no site ever shares a mutable object with another.
 */
public final class StoredBackup {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final String name;
    private final String sourceSite;
    private final String backupJson;
    private final List<String> itemsJson;

    private StoredBackup(String name, String sourceSite, String backupJson, List<String> itemsJson) {
        this.name = name;
        this.sourceSite = sourceSite;
        this.backupJson = backupJson;
        this.itemsJson = itemsJson;
    }

    /** Snapshots a finished backup and its items. */
    public static StoredBackup of(Backup backup, List<? extends HasMetadata> items, String sourceSite) {
        return new StoredBackup(backup.getMetadata().getName(), sourceSite, JSON.asJson(backup),
                items.stream().map(JSON::asJson).toList());
    }

    public String name() {
        return name;
    }

    /** Id of the site whose Velero wrote this backup. */
    public String sourceSite() {
        return sourceSite;
    }

    /** A fresh copy of the Backup, status included. */
    public Backup backup() {
        return JSON.unmarshal(backupJson, Backup.class);
    }

    /** Fresh copies of the captured objects, typed (Deployment, ConfigMap...). */
    public List<HasMetadata> items() {
        return itemsJson.stream().map(json -> (HasMetadata) JSON.unmarshal(json)).toList();
    }

    public int itemCount() {
        return itemsJson.size();
    }

    @Override
    public String toString() {
        return "StoredBackup[" + name + " from site " + sourceSite + ", " + itemsJson.size() + " items]";
    }
}
