package io.pra.notifier.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.pra.notifier.channel.ChannelSender;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.Router;
import io.pra.notifier.domain.RoutingRule;
import io.quarkus.runtime.Startup;

/**
 * The configured channels and routes, checked at start: a route to an unknown channel, a channel of
 * an unknown type or without its URL or recipients stops the service with the setting named.
 */
@Startup
@ApplicationScoped
public class ChannelDirectory {

    private final Map<String, Target> channels = new TreeMap<>();
    private final Router router;

    ChannelDirectory(NotifierConfig config, Instance<ChannelSender> senders) {
        Map<String, ChannelSender> byType = senders.stream()
                .collect(Collectors.toMap(ChannelSender::type, Function.identity()));
        List<String> problems = new ArrayList<>();
        config.channels().forEach((name, settings) -> {
            String prefix = "pra.notifier.channels.\"" + name + "\"";
            ChannelSender sender = byType.get(settings.type());
            if (sender == null) {
                problems.add(prefix + ".type: '" + settings.type() + "' is not one of " + byType.keySet());
                return;
            }
            if (!settings.type().equals("email") && settings.url().filter(url -> url.startsWith("http")).isEmpty()) {
                problems.add(prefix + ".url: an http(s) URL is required for a " + settings.type() + " channel");
            }
            if (settings.type().equals("email") && settings.to().map(List::isEmpty).orElse(true)) {
                problems.add(prefix + ".to: at least one recipient is required for an email channel");
            }
            channels.put(name, new Target(name, settings, sender));
        });
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < config.routes().size(); i++) {
            NotifierConfig.Route route = config.routes().get(i);
            String prefix = "pra.notifier.routes[" + i + "]";
            route.channels().stream().filter(channel -> !config.channels().containsKey(channel))
                    .forEach(channel -> problems.add(prefix + ".channels: no channel named '" + channel + "'"));
            try {
                rules.add(new RoutingRule(route.types().orElse(List.of()), route.sites().orElse(List.of()),
                        route.severities().orElse(List.of()).stream().map(RoutingRule::severity).toList(),
                        route.channels()));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + ": " + e.getMessage() + " (severities are info, warning, critical)");
            }
        }
        if (!config.channels().containsKey(config.defaultChannel())) {
            problems.add("pra.notifier.default-channel: no channel named '" + config.defaultChannel() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid notifier configuration: " + String.join("; ", problems));
        }
        router = new Router(rules, config.defaultChannel());
    }

    /** The routing rules with the default channel. */
    public Router router() {
        return router;
    }

    /** A configured channel by name. */
    public Optional<Target> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /**
     * A configured channel and the sender for its type.
     *
     * @param name     channel name
     * @param settings its settings (secrets included: never log or return them)
     * @param sender   the sender for its type
     */
    public record Target(String name, NotifierConfig.Channel settings, ChannelSender sender) {

        @Override
        public String toString() {
            return "Target[" + name + ", " + settings.type() + "]";
        }
    }
}
