package io.pra.failover.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.failover.domain.SiteMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the failover-service (prefix {@code pra.failover}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.failover")
public interface FailoverConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/failover-service/<instance>}). */
    @WithDefault("${HOSTNAME:failover-1}")
    String instance();

    /** Protected site that fails over. */
    @WithDefault("a")
    String sourceSite();

    /** Standby site that takes over. */
    @WithDefault("b")
    String targetSite();

    /** Observer ids whose votes on the source site count; any other observer is ignored. */
    @WithDefault("obs-1,obs-2,obs-3")
    List<String> observers();

    /** Fresh down votes from distinct observers needed; a strict majority of the observers when absent. */
    Optional<Integer> quorum();

    /** How long a vote counts after this service received it, on this service's clock. */
    @WithDefault("PT30S")
    Duration voteTtl();

    /** Mode the source site starts in the first time this service sees it; later changes are kept in the database. */
    @WithDefault("AUTO")
    SiteMode mode();

    /** Minimum time between the end of a run and the next decision. */
    @WithDefault("PT1H")
    Duration cooldown();

    /** Expected data loss above which a run waits for approval (defaults to the 15-minute RPO objective). */
    @WithDefault("PT15M")
    Duration dataLossBudget();

    /** The protected site's approval policy: how long a run waits for an operator, and what happens then. */
    Approval approval();

    /** Approval of runs that need an operator (MANUAL mode, a manual request, loss over budget). */
    interface Approval {

        /** Time from the decision until the timeout policy applies to a run nobody approved. */
        @WithDefault("PT30M")
        Duration timeout();

        /** What the timeout does to a run still waiting: PROCEED (approved by {@code system}) or ABORT. */
        @WithDefault("ABORT")
        ApprovalTimeoutAction onTimeout();

        /** How often the scheduled check looks for runs past their approval deadline. */
        @WithDefault("PT5S")
        Duration checkInterval();
    }
}
