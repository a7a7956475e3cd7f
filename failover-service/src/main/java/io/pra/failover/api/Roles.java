package io.pra.failover.api;

/** Roles of the operator API, from the bearer token's {@code groups} claim. */
public final class Roles {

    /** Reads sites, runs and the audit log. */
    public static final String VIEWER = "pra-viewer";

    /** Reads, and acts: manual failover, approve, abort, mode changes. */
    public static final String OPERATOR = "pra-operator";

    private Roles() {
    }
}
