package io.pra.testkit.site.velero;

/** The kinds of Velero work a fault can be injected into. */
public enum Operation {
    BACKUP,
    RESTORE
}
