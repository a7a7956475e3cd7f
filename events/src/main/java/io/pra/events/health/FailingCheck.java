package io.pra.events.health;

/**
 * A check that failed past its threshold, as carried in site votes.
 *
 * @param checkId  configured check id
 * @param kind     what the check probes
 * @param evidence what its last probe saw
 */
public record FailingCheck(String checkId, CheckKind kind, CheckEvidence evidence) {
}
