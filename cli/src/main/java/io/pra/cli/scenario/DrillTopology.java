package io.pra.cli.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The processes a drill runs, by the names scenarios use for them. */
public final class DrillTopology {

    /** The three health-service observers, each in its own failure domain. */
    public static final Set<String> OBSERVERS = Set.of("obs-b", "obs-cloud", "obs-a");
    /** Observer ids in start order. */
    public static final List<String> OBSERVER_ORDER = List.of("obs-b", "obs-cloud", "obs-a");
    public static final String BACKUP = "backup-service";
    public static final String FAILOVER = "failover-service";
    public static final String FAILOVER_2 = "failover-service-2";
    public static final String NOTIFIER = "notifier-service";

    private DrillTopology() {
    }

    /** Every process name, observers included, for the number of failover-service replicas. */
    public static Set<String> processNames(int failoverReplicas) {
        Set<String> names = new LinkedHashSet<>(OBSERVER_ORDER);
        names.add(BACKUP);
        names.add(FAILOVER);
        if (failoverReplicas > 1) {
            names.add(FAILOVER_2);
        }
        names.add(NOTIFIER);
        return names;
    }

    /** The failure domain each observer stands for. */
    public static String failureDomain(String observer) {
        return switch (observer) {
            case "obs-b" -> "site-b";
            case "obs-cloud" -> "cloud";
            default -> "site-a";
        };
    }
}
