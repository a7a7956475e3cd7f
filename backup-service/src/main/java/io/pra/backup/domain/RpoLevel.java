package io.pra.backup.domain;

/** How a group's RPO exposure stands against its objective. */
public enum RpoLevel {
    /** Below the warning fraction of the objective. */
    OK,
    /** At or past the warning fraction, not yet past the objective. */
    WARNING,
    /** Past the objective. */
    BREACHED
}
