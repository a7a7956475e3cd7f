package io.pra.testkit.site;

/** How a {@link FakeSite} fails during an injected outage. */
public enum OutageKind {
    /** The API server is gone: connections are refused, open watches are cut. */
    DOWN,
    /** The endpoint still accepts connections but answers every request with HTTP 503, like a load balancer with no healthy backend. */
    UNAVAILABLE
}
