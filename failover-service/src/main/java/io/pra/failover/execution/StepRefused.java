package io.pra.failover.execution;

/** An executor may not record a step: its epoch is stale, or the run is over (completed, failed or aborted). */
public class StepRefused extends RuntimeException {

    public StepRefused(String message) {
        super(message);
    }
}
