package io.pra.failover.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.failover.domain.Vote;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Latest votes per observer and site. Callers hold the site's row lock. */
@ApplicationScoped
public class VoteRepository implements PanacheRepository<VoteEntity> {

    public List<Vote> latestVotes(String siteId) {
        return list("siteId", siteId).stream().map(VoteEntity::toVote).toList();
    }

    /** Stores {@code vote} as the observer's latest on the site. */
    public void save(String siteId, Vote vote) {
        VoteEntity row = find("siteId = ?1 and observerId = ?2", siteId, vote.observerId()).firstResult();
        if (row == null) {
            row = new VoteEntity();
            row.siteId = siteId;
            row.set(vote);
            persist(row);
        } else {
            row.set(vote);
        }
    }
}
