package io.pra.backup.domain;

/** The health event a change of RPO level calls for. */
public enum RpoTransition {
    NONE,
    /** Exposure passed the warning fraction: degraded, severity warning. */
    WARNING,
    /** Exposure passed the objective: degraded, severity critical. */
    BREACHED,
    /** A fresh verified backup brought exposure back under the warning fraction. */
    RECOVERED
}
