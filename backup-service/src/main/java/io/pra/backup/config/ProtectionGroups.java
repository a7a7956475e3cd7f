package io.pra.backup.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.domain.RpoPolicy;
import io.pra.velero.GoDuration;
import io.quarkus.runtime.Startup;

/** The configured protection groups, validated once at start with messages naming the faulty setting. */
@Startup
@Singleton
public class ProtectionGroups {

    private static final String GROUP_NAME = "[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?";

    private final Map<String, ProtectionGroup> groups;
    private final double warningFraction;

    ProtectionGroups(BackupConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, ProtectionGroup> parsed = new TreeMap<>();
        config.groups().forEach((name, group) -> parse(name, group, config, problems)
                .ifPresent(value -> parsed.put(name, value)));
        double fraction = config.rpo().warningFraction();
        if (!(fraction > 0 && fraction <= 1)) {
            problems.add("pra.backup.rpo.warning-fraction must be in (0, 1], got " + fraction);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid backup-service configuration: " + String.join("; ", problems));
        }
        this.groups = Map.copyOf(parsed);
        this.warningFraction = fraction;
    }

    /** Every group, by name. */
    public Collection<ProtectionGroup> all() {
        return new TreeMap<>(groups).values();
    }

    public Optional<ProtectionGroup> find(String name) {
        return Optional.ofNullable(name).map(groups::get);
    }

    /** The group whose schedule has this name. */
    public Optional<ProtectionGroup> findBySchedule(String scheduleName) {
        return groups.values().stream().filter(group -> group.scheduleName().equals(scheduleName)).findFirst();
    }

    /** RPO policy of a group. */
    public RpoPolicy policy(ProtectionGroup group) {
        return new RpoPolicy(group.rpoObjective(), warningFraction);
    }

    /** Sites the groups take backups on or verify them on. */
    public Set<String> sitesInUse() {
        Set<String> sites = new LinkedHashSet<>();
        groups.values().forEach(group -> {
            sites.add(group.sourceSite());
            sites.addAll(group.peerSites());
        });
        return sites;
    }

    private static Optional<ProtectionGroup> parse(String name, BackupConfig.Group group, BackupConfig config,
            List<String> problems) {
        String prefix = "pra.backup.groups." + name + ".";
        int before = problems.size();
        if (!name.matches(GROUP_NAME)) {
            problems.add("pra.backup.groups." + name + ": a group name is lowercase letters, digits and dashes "
                    + "(at most 42), so that pra-<group> is a valid Kubernetes name");
        }
        List<String> namespaces = group.namespaces().orElse(List.of());
        Map<String, String> selector = parseSelector(group.labelSelector().orElse(""), prefix, problems);
        if (namespaces.isEmpty() && selector.isEmpty()) {
            problems.add(prefix + "namespaces or " + prefix + "label-selector must be set");
        }
        if (group.schedule().isBlank()) {
            problems.add(prefix + "schedule must not be blank");
        }
        Duration ttl = Duration.ZERO;
        try {
            ttl = GoDuration.parse(group.ttl());
        } catch (IllegalArgumentException e) {
            problems.add(prefix + "ttl: " + e.getMessage());
        }
        if (group.rpoObjective().isZero() || group.rpoObjective().isNegative()) {
            problems.add(prefix + "rpo-objective must be positive, got " + group.rpoObjective());
        }
        String source = group.sourceSite().orElse(config.sourceSite());
        List<String> peers = group.peerSites();
        if (peers.contains(source)) {
            problems.add(prefix + "peer-sites must not contain the source site " + source);
        }
        for (String site : concat(source, peers)) {
            if (!config.sites().containsKey(site)) {
                problems.add(prefix + "uses site '" + site + "' but pra.backup.sites." + site + " is not configured");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ProtectionGroup(name, source, peers, namespaces, selector, group.schedule(), ttl,
                group.storageLocation(), group.rpoObjective()));
    }

    private static Map<String, String> parseSelector(String text, String prefix, List<String> problems) {
        Map<String, String> selector = new LinkedHashMap<>();
        for (String term : text.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            String[] parts = term.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                problems.add(prefix + "label-selector: expected key=value[,key=value], got '" + term.trim() + "'");
            } else {
                selector.put(parts[0].trim(), parts[1].trim());
            }
        }
        return selector;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
