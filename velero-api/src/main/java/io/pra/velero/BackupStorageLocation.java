package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero BackupStorageLocation: the object storage bucket backups are written to and synced from. */
@Group(Velero.GROUP)
@Version(Velero.VERSION)
@Kind(BackupStorageLocation.KIND)
@Plural(BackupStorageLocation.PLURAL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupStorageLocation extends CustomResource<BackupStorageLocationSpec, BackupStorageLocationStatus> implements Namespaced {

    public static final String KIND = "BackupStorageLocation";
    public static final String PLURAL = "backupstoragelocations";
}
