package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero Backup: a request to capture cluster objects into a storage location, and its outcome. */
@Group(Velero.GROUP)
@Version(Velero.VERSION)
@Kind(Backup.KIND)
@Plural(Backup.PLURAL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Backup extends CustomResource<BackupSpec, BackupStatus> implements Namespaced {

    public static final String KIND = "Backup";
    public static final String PLURAL = "backups";
}
