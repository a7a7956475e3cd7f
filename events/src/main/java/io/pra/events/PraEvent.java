package io.pra.events;

/** A PRA event payload: one record per CloudEvents type, registered in {@link EventType}. */
public interface PraEvent {

    /**
     * The site this event is about. It is both the CloudEvents {@code subject} and the Kafka
     * record key, so that everything about one site stays in one partition, in order.
     */
    String site();
}
