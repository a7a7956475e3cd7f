package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pra.cli.scenario.DurationText;
import io.pra.cli.scenario.Expectations;
import io.pra.cli.scenario.Scenario;
import io.pra.events.EventJson;

/** The verdict of a drill and its JSON report. */
final class DrillReport {

    /** One expectation judged. */
    record Judged(String key, String expected, Object measured, boolean passed, int line, String meaning) {
    }

    private final Scenario scenario;
    private final Measurements measurements;
    private final List<Judged> judged = new ArrayList<>();
    private final List<TimelinePlayer.StepResult> steps;
    private final boolean untilReached;

    DrillReport(Scenario scenario, Measurements measurements, List<TimelinePlayer.StepResult> steps,
            boolean untilReached) {
        this.scenario = scenario;
        this.measurements = measurements;
        this.steps = steps;
        this.untilReached = untilReached;
        for (Scenario.Expectation expectation : scenario.expectations()) {
            Object measured = measurements.values.get(expectation.key());
            judged.add(new Judged(expectation.key(), expectation.value(), measured,
                    Expectations.holds(expectation.key(), expectation.value(), measured), expectation.line(),
                    Expectations.KEYS.get(expectation.key())));
        }
    }

    List<Judged> judged() {
        return List.copyOf(judged);
    }

    List<TimelinePlayer.StepResult> failedSteps() {
        return steps.stream().filter(s -> !s.ok()).toList();
    }

    /** Every expectation holds and every step ran. */
    boolean passed() {
        return judged.stream().allMatch(Judged::passed) && failedSteps().isEmpty();
    }

    void write(Path file, Instant started, Duration wallTime, Path runDir, List<ObservedEvent> events,
            List<TimelinePlayer.OutageWindow> outages) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", scenarioSection());
        report.put("verdict", passed() ? "PASSED" : "FAILED");
        report.put("startedAt", started.toString());
        report.put("wallTimeSeconds", Measurements.seconds(wallTime));
        report.put("runDirectory", runDir.toString());
        report.put("untilReached", untilReached);
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (Judged j : judged) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", j.key());
            row.put("expected", j.expected());
            row.put("measured", j.measured());
            row.put("passed", j.passed());
            row.put("line", j.line());
            row.put("meaning", j.meaning());
            expectations.add(row);
        }
        report.put("expectations", expectations);
        report.put("failedExpectations", judged.stream().filter(j -> !j.passed()).map(Judged::key).toList());
        report.put("measured", measurements.values);
        report.put("phaseSeconds", measurements.phaseSeconds);
        report.put("restoresPerEpoch", measurements.restoresPerEpoch);
        report.put("cutoversPerEpoch", measurements.cutoversPerEpoch);
        report.put("notifications", Map.of(
                "slack", Map.of("delivered", measurements.slackPosts, "duplicates", measurements.slackDuplicates),
                "email", Map.of("delivered", measurements.emails, "duplicates", measurements.emailDuplicates)));
        report.put("deadLetters", measurements.deadLetters);
        report.put("notes", measurements.notes);
        report.put("steps", steps.stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            if (s.step().trigger() instanceof Scenario.Trigger.At at) {
                row.put("at", DurationText.format(at.offset()));
            }
            row.put("trigger", s.step().trigger().describe());
            if (!s.step().after().isZero()) {
                row.put("after", DurationText.format(s.step().after()));
            }
            row.put("action", s.step().action().keyword());
            row.put("fields", s.step().fields());
            row.put("line", s.step().line());
            row.put("startedAt", s.startedAt().toString());
            row.put("ok", s.ok());
            if (!s.ok()) {
                row.put("error", s.error());
            }
            return row;
        }).toList());
        report.put("outages", outages.stream().map(o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", o.kind());
            row.put("start", o.start().toString());
            row.put("end", o.end() == null ? null : o.end().toString());
            return row;
        }).toList());
        report.put("timeline", events.stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", Measurements.seconds(Duration.between(started, e.receivedAt())));
            row.put("type", e.type());
            row.put("time", e.time() == null ? null : e.time().toString());
            row.putAll(e.keyFields());
            return row;
        }).toList());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            EventJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    private Map<String, Object> scenarioSection() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("name", scenario.name());
        section.put("description", scenario.description());
        section.put("objectives", Map.of("rto", DurationText.format(scenario.objectives().rto()),
                "rpo", DurationText.format(scenario.objectives().rpo())));
        Scenario.DrillSettings s = scenario.settings();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", s.mode());
        config.put("quorum", s.quorum());
        config.put("voteTtl", DurationText.format(s.voteTtl()));
        config.put("probeInterval", DurationText.format(s.probeInterval()));
        config.put("failureThreshold", s.failureThreshold());
        config.put("failoverReplicas", s.failoverReplicas());
        section.put("config", config);
        section.put("timeline", scenario.timeline().stream().map(Scenario.Step::describe).toList());
        return section;
    }
}
