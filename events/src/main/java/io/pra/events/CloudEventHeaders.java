package io.pra.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents binary mode on Kafka, with the header names and formats SmallRye Reactive
 * Messaging's {@code KafkaCloudEventHelper} writes and reads: {@code ce_<attribute>} headers,
 * UTF-8 values, {@code ce_time} as an ISO offset date-time (RFC 3339), and the data content type
 * in {@code content-type} (SmallRye writes it to {@code ce_datacontenttype} too, and reads
 * {@code content-type}). Services on SmallRye and plain Kafka clients interoperate.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Writes the attributes into the headers, replacing any earlier CloudEvents headers. */
    public static Headers write(CloudEventAttributes attributes, Headers headers) {
        put(headers, SPEC_VERSION, attributes.specVersion());
        put(headers, ID, attributes.id());
        put(headers, SOURCE, attributes.source());
        put(headers, TYPE, attributes.type());
        put(headers, SUBJECT, attributes.subject());
        put(headers, TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(attributes.time().atOffset(ZoneOffset.UTC)));
        put(headers, DATA_CONTENT_TYPE, attributes.dataContentType());
        put(headers, CONTENT_TYPE, attributes.dataContentType());
        return headers;
    }

    /**
     * Reads and validates the attributes of a record. A missing attribute, a malformed time or
     * an unknown type is an {@link InvalidEventException} naming the header.
     */
    public static CloudEventAttributes read(Headers headers) {
        String type = required(headers, TYPE, "type", null);
        String knownType = EventType.of(type).type();
        String contentType = value(headers, CONTENT_TYPE);
        if (contentType == null) {
            contentType = required(headers, DATA_CONTENT_TYPE, "datacontenttype", knownType);
        }
        String time = required(headers, TIME, "time", knownType);
        return new CloudEventAttributes(
                required(headers, ID, "id", knownType),
                required(headers, SOURCE, "source", knownType),
                knownType,
                required(headers, SUBJECT, "subject", knownType),
                parseTime(time, knownType).toInstant(),
                required(headers, SPEC_VERSION, "specversion", knownType),
                contentType);
    }

    private static OffsetDateTime parseTime(String time, String type) {
        try {
            return OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(type, TIME, "not an RFC 3339 date-time: '" + time + "'", e);
        }
    }

    private static String required(Headers headers, String name, String attribute, String type) {
        String value = value(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(type, name,
                    "missing required CloudEvents attribute '" + attribute + "' (no " + name + " header)");
        }
        return value;
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
