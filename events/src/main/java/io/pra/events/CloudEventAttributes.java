package io.pra.events;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The CloudEvents 1.0 context attributes of one PRA event. Every one is required here, even
 * those CloudEvents leaves optional: consumers dedupe on {@code id}, route on {@code type},
 * and key everything by the site in {@code subject}.
 *
 * @param id              UUID, unique per event; consumers record it to process an event once
 * @param source          {@code /pra/<service>/<instance>}, e.g. {@code /pra/health-service/obs-b}
 * @param type            a registered type string, see {@link EventType}
 * @param subject         the site id, equal to the payload's {@link PraEvent#site()}
 * @param time            when the event happened
 * @param specVersion     always {@value #SPEC_VERSION}
 * @param dataContentType always {@value #DATA_CONTENT_TYPE} for PRA payloads
 */
public record CloudEventAttributes(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String specVersion,
        String dataContentType) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    static final Pattern SOURCE = Pattern.compile("/pra/[a-z0-9]+(-[a-z0-9]+)*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int UUID_LENGTH = 36;

    public CloudEventAttributes {
        require("id", id);
        if (!isUuid(id)) {
            throw invalid(type, "id", "must be a UUID, got '" + id + "'");
        }
        require("source", source);
        if (!SOURCE.matcher(source).matches()) {
            throw invalid(type, "source", "must look like /pra/<service>/<instance>, got '" + source + "'");
        }
        require("type", type);
        EventType.of(type);
        require("subject", subject);
        if (time == null) {
            throw invalid(type, "time", "is required");
        }
        if (!SPEC_VERSION.equals(specVersion)) {
            throw invalid(type, "specversion", "must be " + SPEC_VERSION + ", got '" + specVersion + "'");
        }
        require("datacontenttype", dataContentType);
        if (!dataContentType.startsWith(DATA_CONTENT_TYPE)) {
            throw invalid(type, "datacontenttype", "must be " + DATA_CONTENT_TYPE + ", got '" + dataContentType + "'");
        }
    }

    /** The registered type these attributes name. */
    public EventType eventType() {
        return EventType.of(type);
    }

    private static void require(String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(null, attribute, "is required and must not be blank");
        }
    }

    private static InvalidEventException invalid(String type, String attribute, String reason) {
        return new InvalidEventException(EventType.find(type).map(EventType::type).orElse(null), attribute, reason);
    }

    private static boolean isUuid(String id) {
        // UUID.fromString alone accepts shortened forms such as "1-1-1-1-1".
        if (id.length() != UUID_LENGTH) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
