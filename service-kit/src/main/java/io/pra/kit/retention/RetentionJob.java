package io.pra.kit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes expired rows of every {@link RetentionRule} bean every prune interval, in batches of their own short
 * transactions so a large backlog never holds locks for long. Replicas may prune side by side: a row deleted twice
 * is deleted once.
 */
@ApplicationScoped
public class RetentionJob {

    static final int BATCH_SIZE = 1000;

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final List<RetentionRule> rules;
    private final RetentionSettings settings;
    private final DataSource dataSource;
    private final Clock clock;
    private ScheduledExecutorService executor;

    RetentionJob(Instance<RetentionRule> rules, RetentionSettings settings, DataSource dataSource, Clock clock) {
        this.rules = rules.stream().toList();
        this.settings = settings;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        long interval = settings.pruneInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "retention"));
        executor.scheduleWithFixedDelay(this::pruneAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Prunes every rule's table now; returns the rows deleted. */
    public int pruneAll() {
        int total = 0;
        for (RetentionRule rule : rules) {
            try {
                int deleted = prune(dataSource, rule, clock);
                if (deleted > 0) {
                    LOG.infof("retention: deleted %d rows of %s older than %s", deleted, rule.table(), rule.maxAge());
                }
                total += deleted;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("retention: pruning %s failed, will retry in %s: %s", rule.table(), settings.pruneInterval(),
                        e.toString());
            }
        }
        return total;
    }

    /** Deletes the rule's rows older than its age on {@code clock}, batch by batch; returns how many. */
    public static int prune(DataSource dataSource, RetentionRule rule, Clock clock) throws SQLException {
        OffsetDateTime cutOff = OffsetDateTime.ofInstant(clock.instant().minus(rule.maxAge()), ZoneOffset.UTC);
        int total = 0;
        int deleted;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(rule.deleteBatchSql(BATCH_SIZE))) {
            do {
                statement.setObject(1, cutOff);
                deleted = statement.executeUpdate();
                total += deleted;
            } while (deleted == BATCH_SIZE);
        }
        return total;
    }
}
