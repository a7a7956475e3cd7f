package io.pra.cli.drill;

import java.time.Duration;
import java.util.Map;

import io.pra.cli.scenario.DurationText;
import io.pra.cli.scenario.Scenario;

/** The table printed at the end of a drill. */
final class DrillSummary {

    private DrillSummary() {
    }

    static void print(Progress progress, Scenario scenario, Measurements m, DrillReport report, Duration wall) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(78);
        out.append(rule).append('\n');
        out.append(String.format("%-40s %s%n", "Drill", scenario.name()));
        row(out, "Failovers decided", m.values.get("failovers"), "");
        row(out, "False failovers", m.values.get("falseFailovers"), "target 0");
        row(out, "Decision time after site loss", seconds(m.values.get("maxDecisionSeconds")), "target <= 10s");
        Object rto = m.values.get("maxRtoSeconds");
        Object rpo = m.values.get("maxRpoSeconds");
        row(out, "RTO", seconds(rto), objective(rto, scenario.objectives().rto()));
        for (Map.Entry<String, Double> phase : m.phaseSeconds.entrySet()) {
            row(out, "  " + phase.getKey(), phase.getValue() + "s", "");
        }
        row(out, "RPO", seconds(rpo), objective(rpo, scenario.objectives().rpo()));
        row(out, "Restores per epoch on site B", m.restoresPerEpoch.isEmpty() ? "none" : m.restoresPerEpoch, "");
        row(out, "Cutovers per epoch on site B", m.cutoversPerEpoch.isEmpty() ? "none" : m.cutoversPerEpoch, "");
        row(out, "Notifications: Slack", m.slackPosts, m.slackDuplicates + " duplicate(s)");
        row(out, "Notifications: email", m.emails, m.emailDuplicates + " duplicate(s)");
        row(out, "Dead-lettered records", m.values.get("dlq"), "");
        out.append(rule).append('\n');
        for (DrillReport.Judged j : report.judged()) {
            out.append(String.format("  %-4s %-24s expected %-8s measured %s%n", j.passed() ? "ok" : "FAIL", j.key(),
                    j.expected(), j.measured() == null ? "(not measured)" : j.measured()));
        }
        for (TimelinePlayer.StepResult step : report.failedSteps()) {
            out.append(String.format("  FAIL step at line %d (%s): %s%n", step.step().line(), step.step().describe(),
                    step.error()));
        }
        for (String note : m.notes) {
            out.append("  note: ").append(note).append('\n');
        }
        out.append(rule).append('\n');
        out.append(String.format("%s in %s%n", report.passed() ? "PASSED" : "FAILED", DurationText.format(wall)));
        progress.plain(out.toString());
    }

    private static void row(StringBuilder out, String label, Object value, String comment) {
        out.append(String.format("%-40s %-18s %s%n", label, value == null ? "-" : value, comment));
    }

    private static String seconds(Object value) {
        return value == null ? "-" : value + "s";
    }

    private static String objective(Object measured, Duration objective) {
        if (measured == null) {
            return "objective " + DurationText.format(objective) + ": not measured";
        }
        boolean met = ((Number) measured).doubleValue() <= objective.toMillis() / 1000.0;
        return "objective " + DurationText.format(objective) + (met ? ": met" : ": MISSED");
    }
}
