package io.pra.notifier.channel;

import java.util.List;

import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.SendOutcome;

/** Sends one message, about one event or a group of them, through one kind of channel. */
public interface ChannelSender {

    /** The channel type this sender serves ({@code slack}, {@code email}, {@code webhook}). */
    String type();

    /**
     * Sends the events as one message. Never throws for a delivery problem: the outcome says it.
     *
     * @param settings the channel's settings (secrets included: never log them)
     * @param events   one event, or several of one site and type to be sent grouped
     */
    SendOutcome send(NotifierConfig.Channel settings, List<OutgoingEvent> events);
}
