package io.pra.health.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alerts Alertmanager last sent, keyed by their label set (what identifies an alert). An alert is firing until
 * a notification says it is resolved or its {@code endsAt} has passed.
 */
@ApplicationScoped
public class AlertBoard {

    private final Map<Map<String, String>, ReceivedAlert> alerts = new ConcurrentHashMap<>();
    private final Clock clock;

    AlertBoard(Clock clock) {
        this.clock = clock;
    }

    /** Records the alerts of one webhook notification. */
    public void receive(List<ReceivedAlert> notification) {
        notification.forEach(alert -> alerts.put(alert.labels(), alert));
    }

    /** Firing alerts carrying every one of these labels. */
    public List<ReceivedAlert> firingMatching(Map<String, String> labels) {
        Instant now = clock.instant();
        return alerts.values().stream()
                .filter(alert -> alert.firingAt(now))
                .filter(alert -> alert.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /**
     * One alert as Alertmanager sends it.
     *
     * @param labels  its labels
     * @param firing  {@code status} is {@code firing}
     * @param endsAt  when it ends, null when unknown (Alertmanager sends a zero time for firing alerts)
     */
    public record ReceivedAlert(Map<String, String> labels, boolean firing, Instant endsAt) {

        boolean firingAt(Instant now) {
            return firing && (endsAt == null || endsAt.isAfter(now));
        }

        public String name() {
            return labels.getOrDefault("alertname", labels.toString());
        }
    }
}
