package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero Restore: a request to recreate the objects of a Backup on this cluster, and its outcome. */
@Group(Velero.GROUP)
@Version(Velero.VERSION)
@Kind(Restore.KIND)
@Plural(Restore.PLURAL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Restore extends CustomResource<RestoreSpec, RestoreStatus> implements Namespaced {

    public static final String KIND = "Restore";
    public static final String PLURAL = "restores";
}
