package io.pra.failover.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tally's verdict at one instant.
 *
 * @param reached   true when the fresh down votes are at least the quorum
 * @param required  the quorum
 * @param downVotes the fresh down votes, one per observer, by observer id
 */
public record Quorum(boolean reached, int required, List<Vote> downVotes) {

    public Quorum {
        downVotes = List.copyOf(downVotes);
    }

    /** Disaster start: the earliest {@code firstFailedAt} among the counted votes. */
    public Optional<Instant> disasterStart() {
        return downVotes.stream().map(Vote::firstFailedAt).min(Instant::compareTo);
    }
}
