package io.pra.events;

import java.time.Clock;
import java.util.UUID;

/** Stamps CloudEvents attributes on the events one service instance publishes. */
public final class CloudEventFactory {

    private final String source;
    private final Clock clock;

    /**
     * @param service  the producing service, e.g. {@code failover-service}
     * @param instance this replica or observer, e.g. a pod name or {@code obs-b}
     * @param clock    the service's clock, so tests and drills control event times
     */
    public CloudEventFactory(String service, String instance, Clock clock) {
        this.source = "/pra/" + service + "/" + instance;
        if (!CloudEventAttributes.SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("service and instance must make a source like "
                    + "/pra/<service>/<instance> (lowercase service, no slashes), got '" + source + "'");
        }
        this.clock = clock;
    }

    /** {@code /pra/<service>/<instance>}. */
    public String source() {
        return source;
    }

    /** Fresh attributes for an event: new UUID, its registered type, its site, the clock's now. */
    public CloudEventAttributes attributesFor(PraEvent event) {
        return new CloudEventAttributes(
                UUID.randomUUID().toString(),
                source,
                EventType.of(event).type(),
                event.site(),
                clock.instant(),
                CloudEventAttributes.SPEC_VERSION,
                CloudEventAttributes.DATA_CONTENT_TYPE);
    }
}
