package io.pra.notifier.channel;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pra.events.CloudEventAttributes;
import io.pra.events.EventJson;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.Notification;
import io.pra.notifier.domain.SendOutcome;

/**
 * Generic webhook: the CloudEvent in structured JSON mode ({@code application/cloudevents+json}),
 * or a JSON array of them ({@code application/cloudevents-batch+json}) for a group.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final ObjectMapper mapper = EventJson.mapper();
    private final HttpPoster poster;

    WebhookSender(HttpPoster poster) {
        this.poster = poster;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public SendOutcome send(NotifierConfig.Channel settings, List<OutgoingEvent> events) {
        if (settings.url().isEmpty()) {
            return SendOutcome.reject("webhook channel has no url configured");
        }
        try {
            if (events.size() == 1) {
                return poster.post(settings.url().get(), "application/cloudevents+json",
                        mapper.writeValueAsBytes(cloudEvent(events.get(0))));
            }
            ArrayNode batch = mapper.createArrayNode();
            for (OutgoingEvent event : events) {
                batch.add(cloudEvent(event));
            }
            return poster.post(settings.url().get(), "application/cloudevents-batch+json",
                    mapper.writeValueAsBytes(batch));
        } catch (IOException e) {
            return SendOutcome.reject("cannot write the CloudEvent: " + e.getMessage());
        }
    }

    /** The CloudEvent in structured mode, the payload as {@code data}. */
    ObjectNode cloudEvent(OutgoingEvent event) throws IOException {
        Notification notification = event.notification();
        JsonNode data = mapper.readTree(event.payloadJson());
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", CloudEventAttributes.SPEC_VERSION);
        node.put("id", notification.eventId());
        node.put("source", event.source());
        node.put("type", notification.type());
        node.put("subject", notification.site());
        node.put("time", notification.time().toString());
        node.put("datacontenttype", CloudEventAttributes.DATA_CONTENT_TYPE);
        node.set("data", data);
        return node;
    }
}
