package io.pra.health.config;

import io.pra.kit.clock.ClockSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the health-service (prefix {@code pra.health}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.health")
public interface HealthConfig extends ClockSettings {

    /** Name of this process (its pod), shown by {@code GET /api/v1/info}; the CloudEvents source names the observer. */
    @WithDefault("${HOSTNAME:health-1}")
    String instance();

    /**
     * This observer's id; only ids the failover-service knows count. It is also the instance of the CloudEvents source
     * of everything this observer publishes ({@code /pra/health-service/<observer-id>}), which failover-service
     * requires to name the observer a vote names.
     */
    @WithDefault("obs-1")
    String observerId();

    /** This observer's own Ed25519 key pair, which signs every event it publishes. */
    Signing signing();

    /** Failure domain this observer runs in (zone, cloud, site). */
    @WithDefault("default")
    String failureDomain();

    /** How long a site vote counts once the failover-service has received it. */
    @WithDefault("30s")
    Duration voteTtl();

    /**
     * Period of the site rounds: each site's vote is re-sent every round as a heartbeat, down while it is DOWN, up while
     * it is up (once its critical checks have all been judged).
     */
    @WithDefault("5s")
    Duration voteInterval();

    /**
     * Start-up grace: for this long after the service starts, a check that has not passed once yet neither degrades
     * nor counts towards a site-down vote (its failures are counted and dated all the same). A check leaves the grace
     * at its first pass or its first probe after the grace, whichever comes first; a site already down at start is
     * voted down at the end of the grace, with the time of its first failed probe. Zero turns the grace off.
     */
    @WithDefault("30s")
    Duration startupGrace();

    /**
     * Most connections the HTTP prober keeps open to one host:port; few keep-alive connections serve a busy target
     * best (see ProbeThroughputBench).
     */
    @WithDefault("8")
    int httpPoolSize();

    /** Threads per site for Kubernetes calls (fabric8's client blocks), so a hung site never starves another. */
    @WithDefault("2")
    int kubernetesThreadsPerSite();

    /**
     * Offset added to this instance's clock (timestamps of its votes and checks). Zero in production; the drill
     * sets it to play an observer whose clock is wrong, which must not cause a failover (votes age on the
     * failover-service's clock).
     */
    @Override
    @WithDefault("0s")
    Duration clockOffset();

    /** The sites this observer watches, by site id. */
    Map<String, SiteConfig> sites();

    /**
     * The observer's key pair ({@code pra.health.signing}). Both files are required: without them the service does not
     * start, since failover-service refuses unsigned votes; there is no setting to publish unsigned.
     */
    interface Signing {

        /** PEM file of the private key, PKCS #8 ({@code openssl genpkey -algorithm ed25519}); never logged or shown. */
        Optional<String> privateKeyFile();

        /** PEM file of the same pair's public key, X.509 ({@code openssl pkey -pubout}); must match the private key. */
        Optional<String> publicKeyFile();
    }
}
