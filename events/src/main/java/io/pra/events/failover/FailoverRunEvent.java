package io.pra.events.failover;

import io.pra.events.PraEvent;
import java.util.UUID;

/** What every failover and drill event carries to identify its run. */
public interface FailoverRunEvent extends PraEvent {

    /** Run id; Kubernetes objects the run creates are named {@code pra-<failoverId>}. */
    UUID failoverId();

    /**
     * The source site's epoch for this run; a failover increments it, a drill carries the
     * current one. A stale executor is fenced out by it.
     */
    long epoch();

    /** The protected site: the one failed over from, or whose backup a drill restores. */
    String sourceSite();

    /** The site restored to. */
    String targetSite();

    /** Runs are keyed by their source site, so one run's events stay ordered. */
    @Override
    default String site() {
        return sourceSite();
    }
}
