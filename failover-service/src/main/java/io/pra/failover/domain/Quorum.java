package io.pra.failover.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tally's verdict at one instant.
 *
 * @param reached         true when the fresh down votes come from at least {@code required} observers in at least
 *                        {@code requiredDomains} failure domains
 * @param required        the quorum of observers
 * @param requiredDomains the quorum of failure domains
 * @param downVotes       the fresh down votes, one per observer, by observer id
 * @param domains         the distinct failure domains of those votes
 */
public record Quorum(boolean reached, int required, int requiredDomains, List<Vote> downVotes, Set<String> domains) {

    public Quorum {
        downVotes = List.copyOf(downVotes);
        domains = Set.copyOf(new TreeSet<>(domains));
    }

    /**
     * True when enough observers vote down but in too few failure domains: e.g. only site B's observers during an
     * A–B link cut. Not a site loss; an operator decides.
     */
    public boolean incomplete() {
        return !reached && downVotes.size() >= required;
    }

    /**
     * Disaster start: the {@code required}-th earliest {@code firstFailedAt} among the counted votes, so that one
     * observer with a slow clock (or a lying one) inside an honest quorum cannot move it earlier. Empty when the
     * quorum is not reached.
     */
    public Optional<Instant> disasterStart() {
        if (!reached) {
            return Optional.empty();
        }
        return Optional.of(downVotes.stream().map(Vote::firstFailedAt).sorted().toList().get(required - 1));
    }
}
