package io.pra.backup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.domain.RpoHealthEvents;
import io.pra.backup.domain.RpoLevel;
import io.pra.backup.domain.RpoPolicy;
import io.pra.backup.domain.RpoTransition;
import io.pra.backup.persistence.BackupRecordRepository;
import io.pra.backup.persistence.RpoState;
import io.pra.backup.persistence.RpoStateRepository;
import io.pra.events.PraEvent;
import io.pra.kit.outbox.Outbox;

/**
 * Evaluates each group's RPO exposure against its objective, announces warning, breach and recovery through the
 * outbox (once per transition, across restarts and replicas), and keeps what the gauges read.
 */
@ApplicationScoped
public class RpoMonitor {

    private static final Logger LOG = Logger.getLogger(RpoMonitor.class);

    private final ProtectionGroups groups;
    private final BackupRecordRepository records;
    private final RpoStateRepository states;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, GroupRpo> latest = new ConcurrentHashMap<>();

    RpoMonitor(ProtectionGroups groups, BackupRecordRepository records, RpoStateRepository states,
            Outbox outbox, Clock clock) {
        this.groups = groups;
        this.records = records;
        this.states = states;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What is known of a group's RPO at the last evaluation.
     *
     * @param newestVerifiedStart start of the newest completed, off-site verified backup, or null
     * @param trackedSince        when PRA started protecting the group
     * @param lastSuccess         completion of the newest completed backup, verified or not, or null
     * @param level               level last announced
     */
    public record GroupRpo(Instant newestVerifiedStart, Instant trackedSince, Instant lastSuccess, RpoLevel level) {

        /** Exposure at {@code now}. */
        public Duration exposure(Instant now) {
            return RpoPolicy.exposure(now, newestVerifiedStart, trackedSince);
        }
    }

    /** Evaluates one group now, in its own transaction. */
    @Transactional
    public GroupRpo evaluate(ProtectionGroup group) {
        Instant now = clock.instant();
        RpoState state = states.lockOrCreate(group.name(), now);
        Instant newest = records.newestVerifiedStart(group.name()).orElse(null);
        RpoPolicy policy = groups.policy(group);
        Duration exposure = RpoPolicy.exposure(now, newest, state.trackedSince);
        RpoLevel level = policy.level(exposure);
        RpoTransition transition = RpoPolicy.transition(state.level, level);
        if (transition == RpoTransition.WARNING || transition == RpoTransition.BREACHED) {
            if (state.degradedSince == null) {
                state.degradedSince = now;
            }
        }
        PraEvent event = RpoHealthEvents.of(transition, group, exposure, now,
                state.degradedSince == null ? now : state.degradedSince);
        if (event != null) {
            outbox.write(event);
            LOG.infof("RPO of group %s (site %s): %s -> %s, exposure %ss, objective %ss", group.name(),
                    group.sourceSite(), state.level, level, exposure.toSeconds(), group.rpoObjective().toSeconds());
        }
        if (transition == RpoTransition.RECOVERED) {
            state.degradedSince = null;
        }
        state.level = level;
        state.updatedAt = now;
        GroupRpo snapshot = new GroupRpo(newest, state.trackedSince, records.lastSuccess(group.name()).orElse(null),
                state.level);
        latest.put(group.name(), snapshot);
        return snapshot;
    }

    /** The last evaluation of a group, if it was evaluated. */
    public Optional<GroupRpo> latest(String group) {
        return Optional.ofNullable(latest.get(group));
    }

    /** Evaluates every group; a failure of one is logged and does not stop the others. */
    public void evaluateAll() {
        for (ProtectionGroup group : groups.all()) {
            try {
                evaluate(group);
            } catch (RuntimeException e) {
                LOG.warnf("RPO evaluation of group %s failed: %s", group.name(), e.toString());
            }
        }
    }
}
