package io.pra.kit.k8s;

import java.util.Optional;

/**
 * How to reach one site's Kubernetes API: URL + token (+ CA), or a kubeconfig file + context. A service's
 * per-site config group extends it, or the service adapts its own names with {@link #of}.
 */
public interface SiteConnection {

    /** API server URL, e.g. {@code https://api.site-a.example:6443}. */
    Optional<String> url();

    /** Bearer token of PRA's service account on that site. */
    Optional<String> token();

    /** PEM file of the CA that signed the API server's certificate. */
    Optional<String> caCertFile();

    /** Kubeconfig file to read instead of url/token. */
    Optional<String> kubeconfig();

    /** Context of the kubeconfig to use; its current context when absent. */
    Optional<String> context();

    /** A connection from values a service keeps under other names. */
    static SiteConnection of(Optional<String> url, Optional<String> token, Optional<String> caCertFile,
            Optional<String> kubeconfig, Optional<String> context) {
        return new Values(url, token, caCertFile, kubeconfig, context);
    }

    /** The plain values behind {@link #of}. */
    record Values(Optional<String> url, Optional<String> token, Optional<String> caCertFile,
            Optional<String> kubeconfig, Optional<String> context) implements SiteConnection {
    }
}
