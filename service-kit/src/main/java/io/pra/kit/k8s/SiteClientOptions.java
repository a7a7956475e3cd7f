package io.pra.kit.k8s;

import java.time.Duration;
import java.util.Optional;

/**
 * How a service's site clients behave: bounds on every call, so a lost site cannot block work on another, and
 * what the service's settings are called in error messages.
 *
 * @param settingPrefix          prefix of one site's settings with {@code %s} for the site id, e.g.
 *                               {@code pra.backup.sites.%s.}; names the faulty setting in errors
 * @param urlSetting             the service's name of {@link SiteConnection#url()} ({@code url}, {@code api-url})
 * @param connectTimeout         time to open a connection
 * @param requestTimeout         time one request may take
 * @param watchReconnectInterval pause before an informer re-opens a lost watch, when the service watches
 * @param requestRetryBackoffLimit retries of a failed request (0: none)
 * @param namespace              the clients' default namespace, if any
 * @param tokenRequired          whether a URL without a token is refused
 */
public record SiteClientOptions(String settingPrefix, String urlSetting, Duration connectTimeout,
        Duration requestTimeout, Optional<Duration> watchReconnectInterval, int requestRetryBackoffLimit,
        Optional<String> namespace, boolean tokenRequired) {

    /** Options with PRA's usual shape: named {@code url}, token required, no retries, no watches, no namespace. */
    public static SiteClientOptions of(String settingPrefix, Duration connectTimeout, Duration requestTimeout) {
        return new SiteClientOptions(settingPrefix, "url", connectTimeout, requestTimeout, Optional.empty(), 0,
                Optional.empty(), true);
    }

    /** These options with informers that re-open lost watches after {@code interval}, forever. */
    public SiteClientOptions withWatchReconnect(Duration interval) {
        return new SiteClientOptions(settingPrefix, urlSetting, connectTimeout, requestTimeout, Optional.of(interval),
                requestRetryBackoffLimit, namespace, tokenRequired);
    }

    /** These options with {@code limit} retries of a failed request. */
    public SiteClientOptions withRetries(int limit) {
        return new SiteClientOptions(settingPrefix, urlSetting, connectTimeout, requestTimeout, watchReconnectInterval,
                limit, namespace, tokenRequired);
    }

    /** These options with a default namespace. */
    public SiteClientOptions withNamespace(String value) {
        return new SiteClientOptions(settingPrefix, urlSetting, connectTimeout, requestTimeout, watchReconnectInterval,
                requestRetryBackoffLimit, Optional.of(value), tokenRequired);
    }

    /** These options for a service that names the URL otherwise and allows anonymous access. */
    public SiteClientOptions withUrlSetting(String name, boolean requireToken) {
        return new SiteClientOptions(settingPrefix, name, connectTimeout, requestTimeout, watchReconnectInterval,
                requestRetryBackoffLimit, namespace, requireToken);
    }

    String setting(String siteId, String name) {
        return String.format(settingPrefix, siteId) + name;
    }
}
