package io.pra.failover.service;

import java.util.List;

import io.pra.events.failover.QuorumVote;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.persistence.RunEntity;

/**
 * A run as an operator sees it.
 *
 * @param row   its record
 * @param state its state machine, with the phases the executor recorded
 * @param votes the votes that made quorum; empty for a manual run
 */
public record RunDetail(RunEntity row, FailoverRun state, List<QuorumVote> votes) {
}
