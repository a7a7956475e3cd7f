package io.pra.notifier.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pra.events.EventJson;
import io.pra.events.health.Severity;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.Notification;
import io.pra.notifier.domain.SendOutcome;

/** Slack incoming webhooks: a Block Kit message inside an attachment coloured by severity. */
@ApplicationScoped
public class SlackSender implements ChannelSender {

    /** Slack limits a section to ten fields. */
    private static final int FIELDS_PER_SECTION = 10;
    private static final int MAX_FIELD_TEXT = 1900;
    private static final int MAX_GROUP_LINES = 40;

    private final ObjectMapper mapper = EventJson.mapper();
    private final HttpPoster poster;

    SlackSender(HttpPoster poster) {
        this.poster = poster;
    }

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public SendOutcome send(NotifierConfig.Channel settings, List<OutgoingEvent> events) {
        if (settings.url().isEmpty()) {
            return SendOutcome.reject("slack channel has no url configured");
        }
        try {
            byte[] body = mapper.writeValueAsString(message(events)).getBytes(StandardCharsets.UTF_8);
            return poster.post(settings.url().get(), "application/json", body);
        } catch (JsonProcessingException e) {
            return SendOutcome.reject("cannot write the Slack message: " + e.getOriginalMessage());
        }
    }

    /** The webhook body for one event or a group. */
    ObjectNode message(List<OutgoingEvent> events) {
        Notification first = events.get(0).notification();
        String headline = events.size() == 1 ? first.title() : events.size() + " × " + first.title();
        ObjectNode root = mapper.createObjectNode();
        root.put("text", "[" + first.severity().name() + "] " + headline + " (site " + first.site() + ")");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("color", colour(first.severity()));
        ArrayNode blocks = attachment.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", headline);
        ArrayNode summary = section(blocks);
        field(summary, "Site", first.site());
        field(summary, "Severity", first.severity().name().toLowerCase(java.util.Locale.ROOT));
        if (events.size() == 1) {
            single(blocks, summary, first);
        } else {
            grouped(blocks, events);
        }
        return root;
    }

    private void single(ArrayNode blocks, ArrayNode summary, Notification notification) {
        ArrayNode fields = summary;
        for (Notification.Fact fact : notification.facts()) {
            if (fields.size() == FIELDS_PER_SECTION) {
                fields = section(blocks);
            }
            field(fields, fact.label(), fact.value());
        }
        if (notification.link() != null) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", "<" + notification.link() + "|Failover run in the PRA API>");
        }
        context(blocks, "event " + notification.eventId() + " · " + notification.type() + " · " + notification.time());
    }

    private void grouped(ArrayNode blocks, List<OutgoingEvent> events) {
        StringBuilder lines = new StringBuilder();
        events.stream().limit(MAX_GROUP_LINES).forEach(event -> lines.append("• ").append(Digest.line(event))
                .append('\n'));
        if (events.size() > MAX_GROUP_LINES) {
            lines.append("… and ").append(events.size() - MAX_GROUP_LINES).append(" more\n");
        }
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", clip(lines.toString().strip()));
        context(blocks, "events " + events.stream().map(e -> e.notification().eventId())
                .reduce((a, b) -> a + ", " + b).orElse(""));
    }

    private static ArrayNode section(ArrayNode blocks) {
        return blocks.addObject().put("type", "section").putArray("fields");
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", clip("*" + label + "*\n" + value));
    }

    private static void context(ArrayNode blocks, String text) {
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", clip(text));
    }

    private static String clip(String text) {
        return text.length() <= MAX_FIELD_TEXT ? text : text.substring(0, MAX_FIELD_TEXT) + "…";
    }

    static String colour(Severity severity) {
        switch (severity) {
            case CRITICAL:
                return "#d00000";
            case WARNING:
                return "#f2a900";
            default:
                return "#2eb67d";
        }
    }
}
