package io.pra.failover.cutover;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.StepVerdict;

/** The pluggable traffic switch of CUTOVER; switching twice for the same run must change nothing more. */
public interface TrafficSwitch {

    /** Points traffic at the target site for {@code run}, within the bound the implementation was given. */
    StepVerdict switchTraffic(FailoverRun run) throws InterruptedException;
}
