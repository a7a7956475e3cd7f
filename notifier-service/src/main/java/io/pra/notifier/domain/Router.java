package io.pra.notifier.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pra.events.health.Severity;

/** Picks the channels of an event from the routing rules, falling back to the default channel. */
public final class Router {

    private final List<RoutingRule> rules;
    private final String defaultChannel;

    public Router(List<RoutingRule> rules, String defaultChannel) {
        this.rules = List.copyOf(rules);
        this.defaultChannel = defaultChannel;
    }

    /** The channels for an event; {@link Route#unrouted()} when only the default channel applies. */
    public Route route(String type, String site, Severity severity) {
        Set<String> channels = new LinkedHashSet<>();
        for (RoutingRule rule : rules) {
            if (rule.matches(type, site, severity)) {
                channels.addAll(rule.channels());
            }
        }
        if (channels.isEmpty()) {
            return new Route(List.of(defaultChannel), true);
        }
        return new Route(List.copyOf(channels), false);
    }

    /**
     * Where an event goes.
     *
     * @param channels  channel names, never empty
     * @param unrouted  true when no rule matched and the default channel was used
     */
    public record Route(List<String> channels, boolean unrouted) {
    }
}
