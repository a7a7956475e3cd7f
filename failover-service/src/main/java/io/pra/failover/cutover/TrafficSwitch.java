package io.pra.failover.cutover;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict;

/** The pluggable traffic switch of CUTOVER; switching twice for the same run must change nothing more. */
public interface TrafficSwitch {

    /**
     * Points traffic at the target site for {@code run}, within the bound the implementation was given, asking
     * {@code check} right before each write or call (a refusal propagates and nothing is switched).
     */
    StepVerdict switchTraffic(FailoverRun run, SideEffectCheck check) throws InterruptedException;
}
