package io.pra.health.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One watched site ({@code pra.health.sites.<site>}). */
public interface SiteConfig {

    /** {@code all-critical}: DOWN when every critical check is DEGRADED; {@code at-least}: when {@code down-min-failing} are. */
    @WithDefault("all-critical")
    String downRule();

    /** For {@code down-rule=at-least}: how many critical checks must be DEGRADED. */
    @WithDefault("1")
    int downMinFailing();

    /** Kubernetes API of the site, for kubernetes-api, nodes, workload and audit checks. */
    KubernetesConfig kubernetes();

    /** The checks of the site, by check id. */
    Map<String, CheckConfig> checks();

    /** How to reach a site's Kubernetes API: URL + token (+ CA file), or a kubeconfig file and context. */
    interface KubernetesConfig {

        /** API server URL, e.g. {@code https://api.site-a:6443}. */
        Optional<String> apiUrl();

        /** Bearer token (from a secret, never committed). */
        Optional<String> token();

        /** PEM file of the CA that signed the API server's certificate. */
        Optional<String> caFile();

        /** Kubeconfig file, used when {@code api-url} is not set. */
        Optional<String> kubeconfig();

        /** Context in the kubeconfig file; its current context when absent. */
        Optional<String> context();

        /** Bound on one Kubernetes API request. */
        @WithDefault("5s")
        Duration requestTimeout();
    }
}
