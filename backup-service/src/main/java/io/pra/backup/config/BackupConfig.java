package io.pra.backup.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.kit.k8s.SiteConnection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the backup-service (prefix {@code pra.backup}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.backup")
public interface BackupConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/backup-service/<instance>}). */
    @WithDefault("${HOSTNAME:backup-1}")
    String instance();

    /** Site whose workloads are backed up, unless a group names another. */
    @WithDefault("a")
    String sourceSite();

    /** Namespace where Velero runs on each site. */
    @WithDefault("velero")
    String veleroNamespace();

    /** Kubernetes API of each site, by site id. */
    Map<String, Site> sites();

    /** Protection groups, by name. */
    Map<String, Group> groups();

    /** Timeouts of every call to a site's API. */
    Kubernetes kubernetes();

    /** RPO exposure alerting. */
    Rpo rpo();

    /** How to reach one site's Kubernetes API: URL + token (+ CA), or a kubeconfig file + context. */
    interface Site extends SiteConnection {
    }

    /** What to back up, how often, where, and how fresh it must stay. */
    interface Group {

        /** Namespaces to include. */
        Optional<List<String>> namespaces();

        /** Label selector of the objects to include, {@code key=value,key2=value2}. */
        Optional<String> labelSelector();

        /** Velero schedule: 5-field cron or {@code @every <duration>}. */
        String schedule();

        /** Retention of each backup, as a Go duration. */
        @WithDefault("720h0m0s")
        String ttl();

        /** Velero BackupStorageLocation the backups go to. */
        @WithDefault("default")
        String storageLocation();

        /** Recovery point objective: the oldest acceptable verified off-site backup. */
        @WithDefault("15m")
        Duration rpoObjective();

        /** Site the group is backed up on; {@code pra.backup.source-site} when absent. */
        Optional<String> sourceSite();

        /** Sites where the backup must appear for it to count as off-site. */
        @WithDefault("b")
        List<String> peerSites();
    }

    /** Timeouts of the fabric8 clients. */
    interface Kubernetes {

        /** Time to open a connection to a site's API. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time a single API request may take. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Pause before an informer re-opens a lost watch. */
        @WithDefault("1s")
        Duration watchReconnectInterval();

        /** How often informers hand every cached object to the service again, to retry what failed. */
        @WithDefault("60s")
        Duration resyncPeriod();
    }

    /** When RPO exposure turns into health events. */
    interface Rpo {

        /** Fraction of the objective at which a warning is raised. */
        @WithDefault("0.8")
        double warningFraction();

        /** How often exposure is evaluated against the clock. */
        @WithDefault("5s")
        Duration evaluationInterval();
    }
}
