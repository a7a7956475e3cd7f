package io.pra.health.config;

import io.pra.events.CloudEventFactory;
import io.pra.events.health.Severity;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.Comparison;
import io.pra.health.domain.DownRule;
import io.pra.health.domain.ProbeKind;
import io.pra.health.domain.ProbeTarget;
import io.pra.health.domain.SitePlan;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns {@link HealthConfig} into validated {@link SitePlan}s. Every problem is collected, and start-up fails with one
 * message listing them all, each naming its setting ({@code pra.health.sites.<site>.checks.<check>.<setting>}).
 */
public final class HealthPlanner {

    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final List<String> problems = new ArrayList<>();

    private HealthPlanner() {
    }

    /** The validated plan, or {@link InvalidHealthConfigException} naming every wrong setting. */
    public static List<SitePlan> plan(HealthConfig config) {
        HealthPlanner planner = new HealthPlanner();
        List<SitePlan> plans = planner.sites(config);
        if (!planner.problems.isEmpty()) {
            throw new InvalidHealthConfigException("invalid health-service configuration: "
                    + String.join("; ", planner.problems));
        }
        return plans;
    }

    private List<SitePlan> sites(HealthConfig config) {
        observerId(config.observerId());
        positive("pra.health.vote-ttl", config.voteTtl());
        positive("pra.health.vote-interval", config.voteInterval());
        if (config.voteInterval().compareTo(config.voteTtl()) >= 0) {
            problems.add("pra.health.vote-interval (" + config.voteInterval()
                    + ") must be shorter than pra.health.vote-ttl (" + config.voteTtl() + "), or votes lapse between heartbeats");
        }
        if (config.startupGrace().isNegative()) {
            problems.add("pra.health.startup-grace: must not be negative, got " + config.startupGrace());
        }
        atLeastOne("pra.health.http-pool-size", config.httpPoolSize());
        atLeastOne("pra.health.kubernetes-threads-per-site", config.kubernetesThreadsPerSite());
        List<SitePlan> plans = new ArrayList<>();
        new TreeMap<>(config.sites()).forEach((site, siteConfig) -> plans.add(site(site, siteConfig)));
        return plans;
    }

    /** The observer id is the instance of the CloudEvents source: the source's own rule decides. */
    private void observerId(String observerId) {
        try {
            new CloudEventFactory("health-service", observerId, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            problems.add("pra.health.observer-id: must make the CloudEvents source /pra/health-service/<observer-id> "
                    + "(a letter or digit, then letters, digits, '.', '_' or '-'), got '" + observerId + "'");
        }
    }

    private SitePlan site(String site, SiteConfig config) {
        String prefix = "pra.health.sites." + site;
        if (!SITE_ID.matcher(site).matches()) {
            problems.add(prefix + ": site id must be a DNS label");
        }
        DownRule rule = switch (config.downRule().trim().toLowerCase(Locale.ROOT)) {
            case "all-critical" -> DownRule.allCritical();
            case "at-least" -> {
                atLeastOne(prefix + ".down-min-failing", config.downMinFailing());
                yield DownRule.atLeast(config.downMinFailing());
            }
            default -> {
                problems.add(prefix + ".down-rule: expected all-critical or at-least, got '" + config.downRule() + "'");
                yield DownRule.allCritical();
            }
        };
        List<CheckSpec> checks = new ArrayList<>();
        new TreeMap<>(config.checks()).forEach((checkId, check) -> check(site, checkId, check, prefix + ".checks." + checkId)
                .ifPresent(checks::add));
        boolean needsKubernetes = checks.stream().anyMatch(check -> check.kind().usesKubernetes());
        if (needsKubernetes && config.kubernetes().apiUrl().isEmpty() && config.kubernetes().kubeconfig().isEmpty()) {
            problems.add(prefix + ".kubernetes.api-url or " + prefix + ".kubernetes.kubeconfig is required by its "
                    + "kubernetes-api, nodes, workload and audit checks");
        }
        config.kubernetes().apiUrl().ifPresent(url -> url(prefix + ".kubernetes.api-url", Optional.of(url)));
        positive(prefix + ".kubernetes.request-timeout", config.kubernetes().requestTimeout());
        return new SitePlan(site, rule, checks);
    }

    private Optional<CheckSpec> check(String site, String checkId, CheckConfig config, String prefix) {
        Optional<ProbeKind> kind = ProbeKind.fromConfigName(config.kind());
        if (kind.isEmpty()) {
            problems.add(prefix + ".kind: unknown check kind '" + config.kind() + "' of check '" + checkId
                    + "' (expected one of " + ProbeKind.names() + ")");
            return Optional.empty();
        }
        int problemsBefore = problems.size();
        positive(prefix + ".interval", config.interval());
        positive(prefix + ".timeout", config.timeout());
        atLeastOne(prefix + ".failure-threshold", config.failureThreshold());
        atLeastOne(prefix + ".success-threshold", config.successThreshold());
        Severity severity = severity(prefix, config.severity());
        if (kind.get() == ProbeKind.AUDIT) {
            // Audit findings are about resilience, not availability: they never count towards a site-down vote.
            severity = Severity.WARNING;
        }
        ProbeTarget target = target(kind.get(), config, prefix);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new CheckSpec(site, checkId, kind.get(), severity, config.interval(), config.timeout(),
                config.failureThreshold(), config.successThreshold(), target));
    }

    private ProbeTarget target(ProbeKind kind, CheckConfig config, String prefix) {
        return switch (kind) {
            case HTTP -> new ProbeTarget.Http(config.method().trim().toUpperCase(Locale.ROOT),
                    url(prefix + ".url", config.url()), new LinkedHashSet<>(config.expectedStatus()),
                    config.maxLatency(), config.bodyContains(), config.tlsVerify());
            case TCP -> new ProbeTarget.Tcp(required(prefix + ".host", config.host()), port(prefix + ".port", config));
            case KUBERNETES_API -> new ProbeTarget.KubernetesApi();
            case NODES -> new ProbeTarget.Nodes(config.selector());
            case WORKLOAD -> new ProbeTarget.Workload(namespaces(prefix, config), config.selector());
            case PROMQL -> new ProbeTarget.PromQl(url(prefix + ".url", config.url()), required(prefix + ".query", config.query()),
                    comparison(prefix, config.operator()), threshold(prefix, config));
            case ALERT -> alert(prefix, config.labels());
            case AUDIT -> new ProbeTarget.Audit(namespaces(prefix, config));
        };
    }

    private ProbeTarget alert(String prefix, Map<String, String> labels) {
        if (labels.isEmpty()) {
            problems.add(prefix + ".labels: an alert check needs at least one label to match");
        }
        return new ProbeTarget.Alert(Map.copyOf(labels));
    }

    private Severity severity(String prefix, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "warning" -> Severity.WARNING;
            case "critical" -> Severity.CRITICAL;
            default -> {
                problems.add(prefix + ".severity: expected warning or critical, got '" + value + "'");
                yield Severity.WARNING;
            }
        };
    }

    private URI url(String setting, Optional<String> value) {
        String text = required(setting, value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                problems.add(setting + ": bad URL '" + text + "' (expected http(s)://host[:port]/path)");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(setting + ": bad URL '" + text + "' (" + e.getReason() + ")");
            return null;
        }
    }

    private int port(String setting, CheckConfig config) {
        if (config.port().isEmpty()) {
            problems.add(setting + " is required");
            return 0;
        }
        int port = config.port().getAsInt();
        if (port < 1 || port > 65_535) {
            problems.add(setting + ": must be between 1 and 65535, got " + port);
        }
        return port;
    }

    private List<String> namespaces(String prefix, CheckConfig config) {
        List<String> namespaces = config.namespaces().orElse(List.of());
        if (namespaces.isEmpty()) {
            problems.add(prefix + ".namespaces: at least one namespace is required");
        }
        return List.copyOf(namespaces);
    }

    private Comparison comparison(String prefix, String operator) {
        return Comparison.fromSymbol(operator).orElseGet(() -> {
            problems.add(prefix + ".operator: expected one of < <= > >= == !=, got '" + operator + "'");
            return Comparison.GT;
        });
    }

    private double threshold(String prefix, CheckConfig config) {
        if (config.threshold().isEmpty()) {
            problems.add(prefix + ".threshold is required");
            return 0;
        }
        return config.threshold().getAsDouble();
    }

    private String required(String setting, Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(setting + " is required");
            return "";
        }
        return value.get().trim();
    }

    private void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(setting + ": must be positive, got " + value);
        }
    }

    private void atLeastOne(String setting, int value) {
        if (value < 1) {
            problems.add(setting + ": must be at least 1, got " + value);
        }
    }
}
