package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero Schedule: creates a Backup from its template on a cron schedule. */
@Group(Velero.GROUP)
@Version(Velero.VERSION)
@Kind(Schedule.KIND)
@Plural(Schedule.PLURAL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Schedule extends CustomResource<ScheduleSpec, ScheduleStatus> implements Namespaced {

    public static final String KIND = "Schedule";
    public static final String PLURAL = "schedules";
}
