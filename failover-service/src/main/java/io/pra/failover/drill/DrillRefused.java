package io.pra.failover.drill;

/** A drill cannot start now; the message says why (a failover or drill runs, no restorable backup...). */
public class DrillRefused extends RuntimeException {

    public DrillRefused(String message) {
        super(message);
    }
}
