package io.pra.failover.config;

/** How CUTOVER switches traffic to the target site. */
public enum CutoverStrategy {
    /** Point the records of an ExternalDNS {@code DNSEndpoint} on the target site at the target's addresses. */
    DNS_ENDPOINT,
    /** POST the run as JSON to a webhook that switches traffic (success on 2xx). */
    WEBHOOK
}
