package io.pra.notifier.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.pra.notifier.domain.SiteDownEpisodes;

/** Site-down episodes already notified, recorded in the transaction of their deliveries. */
@ApplicationScoped
public class EpisodeRepository {

    private final EntityManager entityManager;

    EpisodeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the episode; true when it was already recorded (the event is a heartbeat). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordOpened(SiteDownEpisodes.Episode episode, UUID eventId, Instant now) {
        return entityManager.createNativeQuery("INSERT INTO notifier.site_down_episode "
                + "(site, observer_id, first_failed_at, opened_by, opened_at) VALUES (:site, :observer, :first, :event, :now) "
                + "ON CONFLICT DO NOTHING")
                .setParameter("site", episode.site()).setParameter("observer", episode.observerId())
                .setParameter("first", Timestamp.from(episode.firstFailedAt())).setParameter("event", eventId)
                .setParameter("now", Timestamp.from(now)).executeUpdate() == 0;
    }

    /** Closes the observer's open episodes of the site; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int close(SiteDownEpisodes.Observer observer, Instant now) {
        return entityManager.createNativeQuery("UPDATE notifier.site_down_episode SET closed_at = :now "
                + "WHERE site = :site AND observer_id = :observer AND closed_at IS NULL")
                .setParameter("now", Timestamp.from(now)).setParameter("site", observer.site())
                .setParameter("observer", observer.observerId()).executeUpdate();
    }
}
