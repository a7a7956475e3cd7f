package io.pra.notifier.domain;

import java.time.Instant;
import java.util.Optional;

import io.pra.events.PraEvent;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/**
 * The heartbeat rule. While a site stays down, each observer re-publishes {@code pra.site.down}
 * every round with the same {@code firstFailedAt}; people are told once per episode, that is per
 * (site, observer, firstFailedAt). The first down of an episode is delivered, its heartbeats are
 * suppressed, and the observer's {@code pra.site.up} closes its episodes (and is delivered).
 */
public final class SiteDownEpisodes {

    private SiteDownEpisodes() {
    }

    /** One observer's outage of one site. */
    public record Episode(String site, String observerId, Instant firstFailedAt) {
    }

    /** One observer's view of one site: what a {@code pra.site.up} closes. */
    public record Observer(String site, String observerId) {
    }

    /** The episode a {@code pra.site.down} belongs to; empty for other events (and a down without a start). */
    public static Optional<Episode> episodeOf(PraEvent event) {
        if (event instanceof SiteDown down && down.firstFailedAt() != null) {
            return Optional.of(new Episode(down.site(), down.observerId(), down.firstFailedAt()));
        }
        return Optional.empty();
    }

    /** The observer whose open episodes a {@code pra.site.up} closes; empty for other events. */
    public static Optional<Observer> closedBy(PraEvent event) {
        if (event instanceof SiteUp up) {
            return Optional.of(new Observer(up.site(), up.observerId()));
        }
        return Optional.empty();
    }

    /**
     * Whether the event becomes deliveries.
     *
     * @param event        the received event
     * @param episodeKnown whether the event's episode had been recorded before (only read for a site.down)
     * @return false only for a heartbeat: a site.down of an episode already notified
     */
    public static boolean deliver(PraEvent event, boolean episodeKnown) {
        return episodeOf(event).isEmpty() || !episodeKnown;
    }
}
