package io.pra.failover.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.failover.domain.PartialFailurePolicy;
import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.failover.domain.SiteMode;
import io.pra.kit.intake.IntakeSettings;
import io.pra.kit.k8s.SiteConnection;
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

    /** The observers whose signed votes on the source site count, by observer id; any other vote is rejected. */
    Map<String, Observer> observers();

    /** Fresh down votes from distinct observers needed; a strict majority of the observers when absent. */
    Optional<Integer> quorum();

    /** Distinct failure domains the quorum's votes must come from, so that no single domain is a quorum. */
    @WithDefault("2")
    int quorumDomains();

    /** How long a vote counts from its event time (the broker's append time), whatever the consumer lag. */
    @WithDefault("PT30S")
    Duration voteTtl();

    /** How far an observer's clock may run ahead of the broker's: a vote dated later than that is rejected. */
    @WithDefault("PT30S")
    Duration allowedClockSkew();

    /** How consumed events the database cannot record (it restarts, a lock times out) are retried. */
    Intake intake();

    /** One observer of the source site. */
    interface Observer {

        /** Its failure domain (site-a, site-b, witness, ...): the quorum counts distinct domains. */
        String domain();

        /** PEM files (X.509, Ed25519) of the keys its votes may be signed with: 1, or 2 during a rotation. */
        List<String> publicKeys();
    }

    /** Retry of a valid event that could not be recorded (kit defaults). */
    interface Intake extends IntakeSettings {
    }

    /** Mode the source site starts in the first time this service sees it; later changes are kept in the database. */
    @WithDefault("AUTO")
    SiteMode mode();

    /** Minimum time between the end of a run and the next decision. */
    @WithDefault("PT1H")
    Duration cooldown();

    /** Expected data loss above which a run waits for approval (defaults to the 15-minute RPO objective). */
    @WithDefault("PT15M")
    Duration dataLossBudget();

    /** RTO objective runs are measured against (DESIGN: under 2 hours). */
    @WithDefault("PT2H")
    Duration rtoObjective();

    /** RPO objective runs are measured against (DESIGN: under 15 minutes). */
    @WithDefault("PT15M")
    Duration rpoObjective();

    /** Kubernetes API of each site, by site id: the source is fenced, the target restored and cut over. */
    Map<String, Site> sites();

    /** Timeouts of every call to a site's Kubernetes API. */
    Kubernetes kubernetes();

    /** How decided runs are carried out. */
    Execution execution();

    /** How traffic is switched to the target site. */
    Cutover cutover();

    /** Drills: restore + verify into {@code drill-<ns>} namespaces on the target, never a cutover. */
    Drill drill();

    /** Drill settings; a drill uses the execution bounds of RESTORE and VERIFY. */
    interface Drill {

        /** Quartz cron of scheduled drills (seconds first, e.g. {@code 0 0 3 ? * SUN}), or {@code off}. */
        @WithDefault("off")
        String cron();
    }

    /** Access to one site's Kubernetes API: {@code url} + {@code token} (+ CA), or a kubeconfig file + context. */
    interface Site extends SiteConnection {
    }

    /** Timeouts of site API calls. */
    interface Kubernetes {

        /** Time to open a connection to a site's API. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Time one API request may take. */
        @WithDefault("PT10S")
        Duration requestTimeout();
    }

    /** The executor of decided runs. */
    interface Execution {

        /** Whether this instance executes runs (one instance at a time holds the executor lock). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long the executor lock can outlive a holder that went silent (dead, or cut off from PostgreSQL): the
         * server ends the lock's session after this much silence, and the holder gives the lock up when its session
         * does not answer within a third of it. A standby takes over within this plus the lock retry interval.
         */
        @WithDefault("PT15S")
        Duration lockTimeout();

        /** How often a standby instance tries to take the executor lock. */
        @WithDefault("PT5S")
        Duration lockRetryInterval();

        /** How often the executor looks for a run to carry out. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Namespace Velero runs in on the target site. */
        @WithDefault("velero")
        String veleroNamespace();

        /** Namespaces of the protected application: fenced on the source, restored and verified on the target. */
        @WithDefault("shop,billing")
        List<String> protectedNamespaces();

        /** Bound of FENCE_SOURCE; past it the source is left as is and the run goes on. */
        @WithDefault("PT30S")
        Duration fenceTimeout();

        /** Bound of RESTORE: how long the Velero Restore may take. */
        @WithDefault("PT30M")
        Duration restoreTimeout();

        /** Bound of VERIFY: how long restored workloads may take to be ready. */
        @WithDefault("PT10M")
        Duration verifyTimeout();

        /** Bound of CUTOVER. */
        @WithDefault("PT2M")
        Duration cutoverTimeout();

        /** What a PartiallyFailed Velero restore means: {@code FAIL} the run, or {@code ACCEPT} it with its errors. */
        @WithDefault("FAIL")
        PartialFailurePolicy partiallyFailed();
    }

    /** The traffic switch of CUTOVER. */
    interface Cutover {

        /** {@code DNS_ENDPOINT} (ExternalDNS DNSEndpoint on the target site) or {@code WEBHOOK}. */
        @WithDefault("DNS_ENDPOINT")
        CutoverStrategy strategy();

        /** DNSEndpoint switched by {@code DNS_ENDPOINT}. */
        DnsEndpoint dnsEndpoint();

        /** Webhook called by {@code WEBHOOK}. */
        Webhook webhook();
    }

    /** An ExternalDNS DNSEndpoint on the target site whose records are pointed at the target. */
    interface DnsEndpoint {

        /** Name of the DNSEndpoint object. */
        @WithDefault("pra-traffic")
        String name();

        /** Its namespace. */
        @WithDefault("default")
        String namespace();

        /** The target site's addresses every record of the endpoint gets. */
        Optional<List<String>> targets();
    }

    /** A webhook that receives the run as JSON and switches traffic; success on 2xx. */
    interface Webhook {

        /** URL the run is POSTed to. */
        Optional<String> url();

        /** Attempts before the cutover fails. */
        @WithDefault("5")
        int attempts();

        /** Pause after the first failed attempt; doubled after each. */
        @WithDefault("PT1S")
        Duration backoff();
    }

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
