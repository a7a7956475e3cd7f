package io.pra.cli.scenario;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The processes a drill runs, by the names scenarios use for them. */
public final class DrillTopology {

    /** One health-service observer of the drill: its id (also its process name) and its failure domain. */
    public record Observer(String id, String domain) {
    }

    /** The observers of a scenario without {@code observers:}: three, each in its own failure domain. */
    public static final List<Observer> DEFAULT_OBSERVERS = List.of(new Observer("obs-b", "site-b"),
            new Observer("obs-cloud", "cloud"), new Observer("obs-a", "site-a"));
    /** How many observers a scenario may run: a quorum needs two, and the drill machine has two cores. */
    public static final int MIN_OBSERVERS = 2;
    public static final int MAX_OBSERVERS = 5;
    /**
     * An observer id: a process name, a log file name and the instance of a CloudEvents source
     * ({@code /pra/health-service/<id>}), so lowercase letters, digits and inner hyphens.
     */
    public static final Pattern OBSERVER_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** A failure domain name: the same shape as an id. */
    public static final Pattern DOMAIN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final String BACKUP = "backup-service";
    public static final String FAILOVER = "failover-service";
    public static final String FAILOVER_2 = "failover-service-2";
    public static final String NOTIFIER = "notifier-service";
    private static final Set<String> SERVICES = Set.of(BACKUP, FAILOVER, FAILOVER_2, NOTIFIER);

    private DrillTopology() {
    }

    /** Every process name, observers first, for these observers and number of failover-service replicas. */
    public static Set<String> processNames(List<Observer> observers, int failoverReplicas) {
        Set<String> names = new LinkedHashSet<>(ids(observers));
        names.add(BACKUP);
        names.add(FAILOVER);
        if (failoverReplicas > 1) {
            names.add(FAILOVER_2);
        }
        names.add(NOTIFIER);
        return names;
    }

    /** The observers' ids, in start order. */
    public static Set<String> ids(List<Observer> observers) {
        Set<String> ids = new LinkedHashSet<>();
        observers.forEach(o -> ids.add(o.id()));
        return ids;
    }

    /** The distinct failure domains of these observers. */
    public static Set<String> domains(List<Observer> observers) {
        Set<String> domains = new LinkedHashSet<>();
        observers.forEach(o -> domains.add(o.domain()));
        return domains;
    }

    /**
     * Refuses an observer list a drill cannot run: fewer than {@value #MIN_OBSERVERS} or more than
     * {@value #MAX_OBSERVERS}, an id twice, or an observer {@link #check} refuses.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void validate(List<Observer> observers) {
        if (observers.size() < MIN_OBSERVERS || observers.size() > MAX_OBSERVERS) {
            throw new IllegalArgumentException("a drill runs " + MIN_OBSERVERS + " to " + MAX_OBSERVERS
                    + " observers, got " + observers.size());
        }
        Set<String> seen = new HashSet<>();
        for (Observer observer : observers) {
            check(observer);
            if (!seen.add(observer.id())) {
                throw new IllegalArgumentException("observer id '" + observer.id() + "' given twice");
            }
        }
    }

    /**
     * Refuses an observer whose id or domain is not a plain lowercase name, or whose id is a service's name.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void check(Observer observer) {
        if (!OBSERVER_ID.matcher(observer.id()).matches()) {
            throw new IllegalArgumentException("observer id '" + observer.id() + "' must be lowercase letters, "
                    + "digits and inner hyphens, starting with a letter (it names a process), e.g. obs-b1");
        }
        if (SERVICES.contains(observer.id())) {
            throw new IllegalArgumentException("observer id '" + observer.id() + "' is a service's name");
        }
        if (!DOMAIN.matcher(observer.domain()).matches()) {
            throw new IllegalArgumentException("failure domain '" + observer.domain() + "' of " + observer.id()
                    + " must be lowercase letters, digits and inner hyphens, e.g. site-b");
        }
    }
}
