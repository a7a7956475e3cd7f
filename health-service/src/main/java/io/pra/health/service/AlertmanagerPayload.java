package io.pra.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Alertmanager webhook notification (version 4: {@code alerts[]} with {@code status}, {@code labels},
 * {@code endsAt}...). A malformed body is a {@link MalformedAlertException} saying what is wrong and where.
 */
public final class AlertmanagerPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Alertmanager writes Go's zero time for an alert with no known end. */
    private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");

    private AlertmanagerPayload() {
    }

    public static List<AlertBoard.ReceivedAlert> parse(String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new MalformedAlertException("body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAlertException("body must be a JSON object as Alertmanager sends it");
        }
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new MalformedAlertException("/alerts: expected an array of alerts");
        }
        List<AlertBoard.ReceivedAlert> received = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            received.add(alert(alerts.get(i), "/alerts/" + i));
        }
        return received;
    }

    private static AlertBoard.ReceivedAlert alert(JsonNode alert, String pointer) {
        if (!alert.isObject()) {
            throw new MalformedAlertException(pointer + ": expected an object");
        }
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new MalformedAlertException(pointer + "/status: expected firing or resolved, got '" + status + "'");
        }
        JsonNode labels = alert.get("labels");
        if (labels == null || !labels.isObject() || labels.isEmpty()) {
            throw new MalformedAlertException(pointer + "/labels: expected a non-empty object of label values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        labels.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual()) {
                throw new MalformedAlertException(pointer + "/labels/" + field.getKey() + ": expected a string");
            }
            values.put(field.getKey(), field.getValue().asText());
        });
        return new AlertBoard.ReceivedAlert(Map.copyOf(values), status.equals("firing"), endsAt(alert, pointer));
    }

    private static Instant endsAt(JsonNode alert, String pointer) {
        JsonNode endsAt = alert.get("endsAt");
        if (endsAt == null || endsAt.isNull() || endsAt.asText().isEmpty()) {
            return null;
        }
        try {
            Instant end = Instant.parse(endsAt.asText());
            return end.isBefore(GO_ZERO_TIME_LIMIT) ? null : end;
        } catch (DateTimeParseException e) {
            throw new MalformedAlertException(pointer + "/endsAt: not an RFC 3339 time: '" + endsAt.asText() + "'");
        }
    }

    /** The webhook body is not an Alertmanager notification. */
    public static final class MalformedAlertException extends RuntimeException {

        public MalformedAlertException(String message) {
            super(message);
        }
    }
}
