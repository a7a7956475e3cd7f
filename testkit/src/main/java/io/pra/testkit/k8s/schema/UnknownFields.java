package io.pra.testkit.k8s.schema;

/** What happens to a field no schema declares: what the API server does by default, or what strict validation does. */
public enum UnknownFields {
    /** Dropped from the stored object and listed, as the API server prunes a structural CRD's unknown fields. */
    PRUNE,
    /** A violation, as with {@code kubectl apply --validate=strict} (field validation {@code Strict}). */
    REJECT
}
