package io.pra.notifier.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.pra.events.health.Severity;

/**
 * One routing rule: an event matches when its type matches one of the type patterns, its site is
 * one of the sites and its severity one of the severities; an empty criterion matches everything.
 *
 * @param types      type patterns, {@code *} matching any run of characters
 * @param sites      site ids
 * @param severities severities
 * @param channels   channel names matching events go to
 */
public record RoutingRule(List<String> types, List<String> sites, List<Severity> severities, List<String> channels) {

    public RoutingRule {
        types = List.copyOf(types);
        sites = List.copyOf(sites);
        severities = List.copyOf(severities);
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a routing rule needs at least one channel");
        }
    }

    /** Whether an event of this type, site and severity matches. */
    public boolean matches(String type, String site, Severity severity) {
        return (types.isEmpty() || types.stream().anyMatch(pattern -> glob(pattern).matcher(type).matches()))
                && (sites.isEmpty() || sites.contains(site))
                && (severities.isEmpty() || severities.contains(severity));
    }

    /** A severity from its configured name ({@code info}, {@code warning}, {@code critical}). */
    public static Severity severity(String name) {
        return Severity.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    private static Pattern glob(String pattern) {
        List<String> literals = List.of(pattern.split("\\*", -1));
        return Pattern.compile(String.join(".*", literals.stream().map(Pattern::quote).toList()));
    }
}
