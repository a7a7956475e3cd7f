package io.pra.velero;

/** Coordinates of the Velero v1 API and the defaults Velero applies when a field is left empty. */
public final class Velero {

    public static final String GROUP = "velero.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** Namespace the Velero server is installed in by `velero install`. */
    public static final String DEFAULT_NAMESPACE = "velero";

    /** Name of the storage location used when a Backup names none. */
    public static final String DEFAULT_STORAGE_LOCATION = "default";

    /** Retention Velero gives a Backup whose spec.ttl is empty (30 days). */
    public static final String DEFAULT_TTL = "720h0m0s";

    private Velero() {
    }
}
