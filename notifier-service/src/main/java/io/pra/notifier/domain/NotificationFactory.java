package io.pra.notifier.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pra.events.CloudEventAttributes;
import io.pra.events.PraEvent;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverRunEvent;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.QuorumVote;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.FailingCheck;

/**
 * Turns an event into a {@link Notification}: a title from its type, and its payload fields as
 * facts in declaration order, so a new optional field shows up without code here.
 */
public final class NotificationFactory {

    // Already in the title or the site field, or repeated in every failover message.
    private static final Set<String> OMITTED = Set.of("site", "sourceSite");

    private final String failoverApiUrl;

    /** @param failoverApiUrl base URL of failover-service's API, or null when not configured */
    public NotificationFactory(String failoverApiUrl) {
        this.failoverApiUrl = failoverApiUrl == null ? null : failoverApiUrl.replaceAll("/+$", "");
    }

    /** The notification for one event. */
    public Notification create(CloudEventAttributes attributes, PraEvent event) {
        EventClass eventClass = EventClass.of(attributes.type(), event);
        String link = null;
        if (failoverApiUrl != null && event instanceof FailoverRunEvent run) {
            link = failoverApiUrl + "/api/v1/failovers/" + run.failoverId();
        }
        return new Notification(attributes.id(), attributes.type(), title(attributes.type()), attributes.subject(),
                eventClass.severity(), attributes.time(), facts(event), link);
    }

    /** {@code pra.failover.completed} → {@code Failover completed}. */
    static String title(String type) {
        String words = type.replaceFirst("^pra\\.", "").replace('.', ' ').replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<Notification.Fact> facts(PraEvent event) {
        List<Notification.Fact> facts = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (OMITTED.contains(component.getName())) {
                continue;
            }
            Object value = read(component, event);
            String text = format(value);
            if (text != null && !text.isEmpty()) {
                facts.add(new Notification.Fact(label(component.getName()), text));
            }
        }
        return facts;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Duration duration) {
            return humanDuration(duration);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof BackupRef backup) {
            return backup.backupName() + " (started " + backup.startedAt() + ")";
        }
        if (value instanceof PhaseDuration phase) {
            return format(phase.phase()) + " " + humanDuration(phase.duration());
        }
        if (value instanceof QuorumVote vote) {
            return vote.observerId();
        }
        if (value instanceof FailingCheck check) {
            return check.checkId() + evidence(check.evidence());
        }
        if (value instanceof CheckEvidence evidence) {
            return evidence(evidence).replaceFirst("^: ", "");
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(NotificationFactory::format).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + " → " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    private static String evidence(CheckEvidence evidence) {
        if (evidence == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (evidence.statusCode() != null) {
            parts.add("HTTP " + evidence.statusCode());
        }
        if (evidence.latency() != null) {
            parts.add(humanDuration(evidence.latency()));
        }
        if (evidence.error() != null) {
            parts.add(evidence.error());
        }
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    static String humanDuration(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** {@code rtoAchieved} → {@code Rto achieved}; the acronyms people read stay upper case. */
    static String label(String name) {
        String spaced = name.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        spaced = spaced.replaceAll("\\brto\\b", "RTO").replaceAll("\\brpo\\b", "RPO").replaceAll("\\bid\\b", "id");
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
