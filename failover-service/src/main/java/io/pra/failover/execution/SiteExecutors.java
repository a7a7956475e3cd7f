package io.pra.failover.execution;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.pra.failover.config.FailoverConfig;

/**
 * Makes {@link SiteExecutor}s, each with its own lock connection to the service's database. The service runs
 * one (see {@link ExecutionLoop}); tests make more to play other replicas, or a replica killed mid-phase.
 */
@ApplicationScoped
public class SiteExecutors {

    private final FailoverConfig config;
    private final StepRecorder recorder;
    private final EpochGuard epochGuard;
    private final PhaseSteps steps;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicInteger created = new AtomicInteger();

    SiteExecutors(FailoverConfig config, StepRecorder recorder, EpochGuard epochGuard, PhaseSteps steps, ExecutionMetrics metrics,
            Clock clock, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.recorder = recorder;
        this.epochGuard = epochGuard;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** A new executor of the source site, named {@code <instance>/<n>}, not holding the lock yet. */
    public SiteExecutor create() {
        return create(jdbcUrl);
    }

    /** The same, with its lock's session opened at {@code lockJdbcUrl} (tests route it through a proxy). */
    public SiteExecutor create(String lockJdbcUrl) {
        String name = config.instance() + "/" + created.incrementAndGet();
        ExecutorLock lock = new ExecutorLock(timeout -> connect(lockJdbcUrl, timeout), config.sourceSite(),
                config.execution().lockTimeout());
        return new SiteExecutor(name, config.sourceSite(), lock, recorder, epochGuard, steps, metrics, clock);
    }

    private Connection connect(String url, Duration socketTimeout) throws java.sql.SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        properties.setProperty("ApplicationName", "pra-failover-executor-lock");
        return DriverManager.getConnection(url, properties);
    }
}
