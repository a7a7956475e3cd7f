package io.pra.cli.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file and refuses, with the line and the reason, anything it does not know: an unknown
 * action, field or expectation, a bad duration, a missing required field.
 */
public final class ScenarioParser {

    /** Classpath resource of the built-in scenario ({@code scenarios/site-loss.yaml} is a copy). */
    public static final String DEFAULT_RESOURCE = "/scenarios/site-loss.yaml";

    /** Top-level keys, config keys and until keys a scenario may use (docs/scenarios.md lists them). */
    static final Set<String> TOP = Set.of("name", "description", "objectives", "config", "timeline", "until",
            "expect");
    private static final Set<String> OBJECTIVES = Set.of("rto", "rpo");
    static final Set<String> CONFIG = Set.of("mode", "quorum", "voteTtl", "probeInterval", "failureThreshold",
            "cooldown", "dataLossBudget", "failoverReplicas", "backupDuration", "restoreDuration", "approvalTimeout",
            "clockSkew", "drillCron", "quorumDomains", "allowedClockSkew", "fenceTimeout", "restoreTimeout",
            "verifyTimeout", "cutoverTimeout");
    static final Set<String> UNTIL = Set.of("event", "timeout");
    /** What makes a step due (exactly one), and the delay after it. */
    static final List<String> TRIGGERS = List.of("at", "on", "when");
    static final Set<String> STEP_KEYS = Set.of("at", "on", "when", "after", "do");
    static final Set<String> WHEN = Set.of("phase", "status");
    private static final Set<String> STEP_STATUSES = Set.of("STARTED", "SUCCEEDED", "FAILED", "SKIPPED");
    private static final Set<String> MODES = Set.of("AUTO", "MANUAL", "OFF");
    private static final Set<String> SITES = Set.of("a", "b");
    private static final Set<String> OUTAGE_KINDS = Set.of("total", "partial", "flap");
    private static final Set<String> PHASES = Set.of("FENCE_SOURCE", "RESTORE", "VERIFY", "CUTOVER");
    private static final Set<String> RESTORE_FAULTS = Set.of("fail", "partial", "hang", "slow");

    private final String source;

    private ScenarioParser(String source) {
        this.source = source;
    }

    /** Parses a scenario file. */
    public static Scenario parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** The built-in "site A lost" scenario. */
    public static Scenario builtIn() {
        try (InputStream in = ScenarioParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the cli jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in site-loss.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses scenario text; {@code source} names it in error messages. */
    public static Scenario parse(String yaml, String source) {
        return new ScenarioParser(source).read(new StringReader(yaml));
    }

    private Scenario read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new ScenarioException(source, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new ScenarioException(source, 0, "empty scenario");
        }
        Map<String, NodeTuple> top = mapping(root, "the scenario", TOP);
        String name = scalar(required(top, "name", root)).trim();
        String description = optional(top, "description").map(this::scalar).orElse("");
        Scenario.Objectives objectives = objectives(top.get("objectives"));
        Scenario.DrillSettings settings = settings(top.get("config"));
        List<Scenario.Step> timeline = timeline(top.get("timeline"), settings);
        Scenario.Until until = until(required(top, "until", root));
        List<Scenario.Expectation> expectations = expectations(required(top, "expect", root));
        return new Scenario(name, description, objectives, settings, timeline, until, expectations);
    }

    private Scenario.Objectives objectives(NodeTuple tuple) {
        if (tuple == null) {
            return new Scenario.Objectives(Duration.ofHours(2), Duration.ofMinutes(15));
        }
        Map<String, NodeTuple> map = mapping(tuple.getValueNode(), "objectives", OBJECTIVES);
        return new Scenario.Objectives(
                optional(map, "rto").map(this::duration).orElse(Duration.ofHours(2)),
                optional(map, "rpo").map(this::duration).orElse(Duration.ofMinutes(15)));
    }

    private Scenario.DrillSettings settings(NodeTuple tuple) {
        Map<String, NodeTuple> map = tuple == null ? Map.of() : mapping(tuple.getValueNode(), "config", CONFIG);
        String mode = optional(map, "mode").map(t -> oneOf(t, MODES)).orElse("AUTO");
        int quorum = optional(map, "quorum").map(t -> integer(t, 2, 3)).orElse(2);
        Duration voteTtl = optional(map, "voteTtl").map(this::duration).orElse(Duration.ofSeconds(10));
        Duration probe = optional(map, "probeInterval").map(this::duration).orElse(Duration.ofSeconds(1));
        if (probe.compareTo(Duration.ofMillis(200)) < 0) {
            throw error(map.get("probeInterval"), "probeInterval must be at least 200ms");
        }
        if (voteTtl.compareTo(probe) <= 0) {
            throw error(map.getOrDefault("voteTtl", map.get("probeInterval")),
                    "voteTtl must be longer than probeInterval (observers re-send their vote every probeInterval)");
        }
        Map<String, Duration> skew = new LinkedHashMap<>();
        NodeTuple skewTuple = map.get("clockSkew");
        if (skewTuple != null) {
            Map<String, NodeTuple> skews = mapping(skewTuple.getValueNode(), "clockSkew", DrillTopology.OBSERVERS);
            skews.forEach((observer, t) -> skew.put(observer, duration(t)));
        }
        return new Scenario.DrillSettings(mode, quorum, voteTtl, probe,
                optional(map, "failureThreshold").map(t -> integer(t, 1, 20)).orElse(2),
                optional(map, "cooldown").map(this::duration).orElse(Duration.ofMinutes(10)),
                optional(map, "dataLossBudget").map(this::duration).orElse(Duration.ofMinutes(15)),
                optional(map, "failoverReplicas").map(t -> integer(t, 1, 2)).orElse(1),
                optional(map, "backupDuration").map(this::duration).orElse(Duration.ofSeconds(1)),
                optional(map, "restoreDuration").map(this::duration).orElse(Duration.ofSeconds(2)),
                optional(map, "approvalTimeout").map(this::duration).orElse(Duration.ofMinutes(10)),
                Map.copyOf(skew), optional(map, "drillCron").map(this::scalar).orElse("off"),
                optional(map, "quorumDomains").map(t -> integer(t, 1, 3)).orElse(2),
                optional(map, "allowedClockSkew").map(this::duration).orElse(Duration.ofSeconds(30)),
                new Scenario.PhaseTimeouts(timeout(map, "fenceTimeout", Duration.ofSeconds(5)),
                        timeout(map, "restoreTimeout", Duration.ofMinutes(2)),
                        timeout(map, "verifyTimeout", Duration.ofMinutes(1)),
                        timeout(map, "cutoverTimeout", Duration.ofSeconds(30))));
    }

    /** A phase bound: at least one second, as failover-service requires. */
    private Duration timeout(Map<String, NodeTuple> map, String key, Duration otherwise) {
        Duration timeout = optional(map, key).map(this::duration).orElse(otherwise);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw error(map.get(key), key + " must be at least 1s");
        }
        return timeout;
    }

    private List<Scenario.Step> timeline(NodeTuple tuple, Scenario.DrillSettings settings) {
        if (tuple == null) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            throw error(tuple, "timeline must be a list of steps");
        }
        List<Scenario.Step> steps = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (Node node : sequence.getValue()) {
            Scenario.Step step = step(node, settings);
            if (step.trigger() instanceof Scenario.Trigger.At at) {
                if (at.offset().compareTo(previous) < 0) {
                    throw new ScenarioException(source, line(node), "steps must be in time order: at "
                            + DurationText.format(at.offset()) + " comes after " + DurationText.format(previous));
                }
                previous = at.offset();
            }
            steps.add(step);
        }
        return List.copyOf(steps);
    }

    private Scenario.Step step(Node node, Scenario.DrillSettings settings) {
        if (!(node instanceof MappingNode)) {
            throw new ScenarioException(source, line(node), "a step is a mapping like {at: 10s, do: outage, site: a}");
        }
        Map<String, NodeTuple> raw = mapping(node, "a step", null);
        NodeTuple doTuple = raw.get("do");
        if (doTuple == null) {
            throw new ScenarioException(source, line(node), "step without 'do' (the action)");
        }
        String keyword = scalar(doTuple);
        Action action = Action.find(keyword).orElseThrow(() -> error(doTuple,
                "unknown action '" + keyword + "'; known: " + Action.keywords()));
        Scenario.Trigger trigger = trigger(raw, node, keyword);
        Duration after = Optional.ofNullable(raw.get("after")).map(this::duration).orElse(Duration.ZERO);
        if (after.isNegative()) {
            throw error(raw.get("after"), "'after' cannot be negative");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : raw.entrySet()) {
            String key = entry.getKey();
            if (STEP_KEYS.contains(key)) {
                continue;
            }
            if (!action.fields().contains(key)) {
                throw error(entry.getValue(), "unknown field '" + key + "' for action '" + keyword + "'"
                        + (action.fields().isEmpty() ? " (it takes none)" : "; it takes: "
                        + String.join(", ", action.fields().stream().sorted().toList())));
            }
            fields.put(key, scalar(entry.getValue()));
        }
        validateStep(action, fields, raw, node, settings);
        return new Scenario.Step(trigger, after, action, Map.copyOf(fields), line(node));
    }

    /** Exactly one of {@code at}, {@code on} and {@code when}. */
    private Scenario.Trigger trigger(Map<String, NodeTuple> raw, Node node, String keyword) {
        List<String> given = TRIGGERS.stream().filter(raw::containsKey).toList();
        if (given.size() != 1) {
            throw new ScenarioException(source, line(node), "step '" + keyword + "' needs exactly one of 'at', 'on' "
                    + "or 'when'" + (given.isEmpty() ? "" : ", got " + String.join(" and ", given)));
        }
        NodeTuple tuple = raw.get(given.get(0));
        return switch (given.get(0)) {
            case "at" -> {
                Duration at = duration(tuple);
                if (at.isNegative()) {
                    throw error(tuple, "'at' cannot be negative");
                }
                yield new Scenario.Trigger.At(at);
            }
            case "on" -> new Scenario.Trigger.On(eventType(tuple));
            default -> {
                Map<String, NodeTuple> when = mapping(tuple.getValueNode(), "when", WHEN);
                yield new Scenario.Trigger.When(oneOf(required(when, "phase", tuple.getValueNode()), PHASES),
                        oneOf(required(when, "status", tuple.getValueNode()), STEP_STATUSES));
            }
        };
    }

    private void validateStep(Action action, Map<String, String> fields, Map<String, NodeTuple> raw, Node node,
            Scenario.DrillSettings settings) {
        switch (action) {
            case OUTAGE -> {
                requireField(fields, "site", node, action);
                check(raw, "site", SITES);
                check(raw, "kind", OUTAGE_KINDS);
                if ("flap".equals(fields.get("kind"))) {
                    requireField(fields, "period", node, action);
                }
                Optional.ofNullable(raw.get("period")).ifPresent(this::duration);
            }
            case RECOVER -> {
                requireField(fields, "site", node, action);
                check(raw, "site", SITES);
            }
            case PARTITION, HEAL, KILL, START, RESTART -> {
                boolean observer = fields.containsKey("observer");
                boolean service = fields.containsKey("service");
                if (observer == service) {
                    throw new ScenarioException(source, line(node), "'" + action.keyword()
                            + "' needs exactly one of 'observer' or 'service'");
                }
                if (observer) {
                    check(raw, "observer", DrillTopology.OBSERVERS);
                } else {
                    check(raw, "service", DrillTopology.processNames(settings.failoverReplicas()));
                }
            }
            case SKEW -> {
                requireField(fields, "observer", node, action);
                requireField(fields, "by", node, action);
                check(raw, "observer", DrillTopology.OBSERVERS);
                duration(raw.get("by"));
            }
            case BROKER_RESTART, DB_RESTART -> Optional.ofNullable(raw.get("down")).ifPresent(this::duration);
            case FAIL_BACKUPS -> Optional.ofNullable(raw.get("count")).ifPresent(t -> integer(t, 1, 100));
            case RESTORE_FAULT -> {
                requireField(fields, "kind", node, action);
                check(raw, "kind", RESTORE_FAULTS);
                Optional.ofNullable(raw.get("count")).ifPresent(t -> integer(t, 1, 100));
            }
            case MODE -> {
                requireField(fields, "mode", node, action);
                check(raw, "mode", MODES);
                check(raw, "site", SITES);
            }
            case DRILL -> check(raw, "site", SITES);
            case WAIT -> {
                boolean event = fields.containsKey("event");
                if (event == fields.containsKey("for")) {
                    throw new ScenarioException(source, line(node), "'wait' needs exactly one of 'event' or 'for'");
                }
                Optional.ofNullable(raw.get("for")).ifPresent(this::duration);
                Optional.ofNullable(raw.get("timeout")).ifPresent(this::duration);
                Optional.ofNullable(raw.get("event")).ifPresent(this::eventType);
                if (fields.containsKey("phase")) {
                    if (!"pra.failover.step".equals(fields.get("event"))) {
                        throw error(raw.get("phase"), "'phase' goes with event: pra.failover.step");
                    }
                    check(raw, "phase", PHASES);
                }
            }
            default -> {
                // backup, approve, abort: every field is optional text.
            }
        }
    }

    private Scenario.Until until(NodeTuple tuple) {
        Map<String, NodeTuple> map = mapping(tuple.getValueNode(), "until", UNTIL);
        NodeTuple timeout = map.get("timeout");
        if (timeout == null) {
            throw error(tuple, "'until' needs a 'timeout' (the run stops then at the latest)");
        }
        return new Scenario.Until(optional(map, "event").map(this::eventType), duration(timeout));
    }

    private List<Scenario.Expectation> expectations(NodeTuple tuple) {
        Map<String, NodeTuple> map = mapping(tuple.getValueNode(), "expect", null);
        List<Scenario.Expectation> result = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : map.entrySet()) {
            String key = entry.getKey();
            if (key.equals("notifications")) {
                Map<String, NodeTuple> channels = mapping(entry.getValue().getValueNode(), "expect.notifications",
                        Set.of("slack", "email"));
                channels.forEach((channel, t) -> result.add(expectation("notifications." + channel, t)));
            } else {
                result.add(expectation(key, entry.getValue()));
            }
        }
        if (result.isEmpty()) {
            throw error(tuple, "'expect' is empty: a scenario must expect something");
        }
        return List.copyOf(result);
    }

    private Scenario.Expectation expectation(String key, NodeTuple tuple) {
        String value = scalar(tuple);
        try {
            Expectations.check(key, value);
        } catch (IllegalArgumentException e) {
            throw error(tuple, e.getMessage());
        }
        return new Scenario.Expectation(key, value, line(tuple.getKeyNode()));
    }

    private String eventType(NodeTuple tuple) {
        String type = scalar(tuple);
        if (!type.startsWith("pra.")) {
            throw error(tuple, "not a PRA event type: '" + type + "' (see `pra contracts`)");
        }
        if (io.pra.events.EventType.find(type).isEmpty()) {
            throw error(tuple, "unknown event type '" + type + "' (see `pra contracts`)");
        }
        return type;
    }

    private void requireField(Map<String, String> fields, String field, Node node, Action action) {
        if (!fields.containsKey(field)) {
            throw new ScenarioException(source, line(node), "'" + action.keyword() + "' needs '" + field + "'");
        }
    }

    private void check(Map<String, NodeTuple> raw, String field, Set<String> allowed) {
        NodeTuple tuple = raw.get(field);
        if (tuple != null) {
            oneOf(tuple, allowed);
        }
    }

    private String oneOf(NodeTuple tuple, Set<String> allowed) {
        String value = scalar(tuple);
        if (!allowed.contains(value)) {
            throw error(tuple, "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private int integer(NodeTuple tuple, int min, int max) {
        String value = scalar(tuple);
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw error(tuple, "must be between " + min + " and " + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(tuple, "not a whole number: '" + value + "'");
        }
    }

    private Duration duration(NodeTuple tuple) {
        try {
            return DurationText.parse(scalar(tuple));
        } catch (IllegalArgumentException e) {
            throw error(tuple, e.getMessage());
        }
    }

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw new ScenarioException(source, line(node), what + " must be a mapping");
        }
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ScenarioException(source, line(tuple.getKeyNode()), "keys must be plain words");
            }
            if (allowed != null && !allowed.contains(key.getValue())) {
                throw new ScenarioException(source, line(key), "unknown field '" + key.getValue() + "' in " + what
                        + "; known: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (result.put(key.getValue(), tuple) != null) {
                throw new ScenarioException(source, line(key), "'" + key.getValue() + "' given twice in " + what);
            }
        }
        return result;
    }

    private NodeTuple required(Map<String, NodeTuple> map, String key, Node owner) {
        NodeTuple tuple = map.get(key);
        if (tuple == null) {
            throw new ScenarioException(source, line(owner), "'" + key + "' is required");
        }
        return tuple;
    }

    private static Optional<NodeTuple> optional(Map<String, NodeTuple> map, String key) {
        return Optional.ofNullable(map.get(key));
    }

    private String scalar(NodeTuple tuple) {
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            throw error(tuple, "'" + ((ScalarNode) tuple.getKeyNode()).getValue() + "' must be a single value");
        }
        return scalar.getValue();
    }

    private ScenarioException error(NodeTuple tuple, String reason) {
        return new ScenarioException(source, line(tuple.getKeyNode()), reason);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
