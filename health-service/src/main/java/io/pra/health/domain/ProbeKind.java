package io.pra.health.domain;

import io.pra.events.health.CheckKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of check an observer runs, by their configuration names. */
public enum ProbeKind {
    HTTP("http", CheckKind.HTTP),
    TCP("tcp", CheckKind.TCP),
    KUBERNETES_API("kubernetes-api", CheckKind.KUBERNETES_API),
    NODES("nodes", CheckKind.NODES),
    WORKLOAD("workload", CheckKind.WORKLOAD),
    PROMQL("promql", CheckKind.PROMQL),
    ALERT("alert", CheckKind.ALERT),
    /** HA readiness audit; its findings travel as workload checks, since the event schema's kinds are closed. */
    AUDIT("audit", CheckKind.WORKLOAD);

    private final String configName;
    private final CheckKind eventKind;

    ProbeKind(String configName, CheckKind eventKind) {
        this.configName = configName;
        this.eventKind = eventKind;
    }

    public String configName() {
        return configName;
    }

    /** The check kind written into events. */
    public CheckKind eventKind() {
        return eventKind;
    }

    /** Whether the check talks to the site's Kubernetes API. */
    public boolean usesKubernetes() {
        return this == KUBERNETES_API || this == NODES || this == WORKLOAD || this == AUDIT;
    }

    /** The kind configured under this name, if any. */
    public static Optional<ProbeKind> fromConfigName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(wanted)).findFirst();
    }

    /** The configuration names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ProbeKind::configName).toList());
    }
}
