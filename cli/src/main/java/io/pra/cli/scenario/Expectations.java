package io.pra.cli.scenario;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectations a scenario may state and how each is judged against what the drill measured: counts take a
 * number ({@code 1}) or a comparison ({@code ">=1"}, {@code "<=1"}, {@code "0"}); {@code max*} keys are upper
 * bounds in seconds; {@code finalMode} is a mode; {@code fence} is how FENCE_SOURCE ended.
 */
public final class Expectations {

    /** Every expectation key and what it measures. */
    public static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("failovers", "failover runs decided (quorum or manual), drills excluded"),
            Map.entry("falseFailovers", "failovers decided while the source site was not in an injected outage"),
            Map.entry("completedFailovers", "pra.failover.completed events"),
            Map.entry("failedFailovers", "pra.failover.failed events"),
            Map.entry("abortedFailovers", "pra.failover.aborted events"),
            Map.entry("fence", "how FENCE_SOURCE ended (pra.failover.step): SUCCEEDED, SKIPPED or FAILED"),
            Map.entry("awaitingApproval", "pra.failover.awaiting-approval events"),
            Map.entry("approvalRequired", "failover decisions that wait for an operator (MANUAL mode or over budget)"),
            Map.entry("drills", "pra.drill.completed events"),
            Map.entry("backupsCompleted", "pra.backup.completed events"),
            Map.entry("backupsFailed", "pra.backup.failed events"),
            Map.entry("maxDecisionSeconds", "seconds from the first site outage to pra.failover.decided"),
            Map.entry("maxRtoSeconds", "RTO of the failover (pra.failover.completed rtoAchieved)"),
            Map.entry("maxRpoSeconds", "RPO of the failover (rpoAchieved, else the decision's expected data loss)"),
            Map.entry("restoresPerEpoch", "Velero Restores created on site B, per epoch (pra.io/epoch); the largest count"),
            Map.entry("cutoversPerEpoch", "changes of DNSEndpoint records on site B (cutovers), per epoch; the largest count"),
            Map.entry("notifications.slack", "Slack posts the Slack sink accepted"),
            Map.entry("notifications.email", "emails the SMTP sink received"),
            Map.entry("duplicateNotifications", "messages received more than once, same channel and same text"),
            Map.entry("lostNotifications", "notified events (per channel) without a SENT delivery, or SENT to an empty sink"),
            Map.entry("dlq", "records on the pra.dlq.* topics"),
            Map.entry("rejectedVotes", "votes failover-service refused (pra_votes_rejected_total, every reason, "
                    + "every replica, since its last start)"),
            Map.entry("quorumIncomplete", "pra.failover.quorum-incomplete events (enough observers voted down, in "
                    + "too few failure domains)"),
            Map.entry("finalMode", "mode of the source site at the end (failover-service API)"));

    private static final Set<String> FENCE_OUTCOMES = Set.of("SUCCEEDED", "SKIPPED", "FAILED");
    private static final Set<String> MAX_KEYS = Set.of("maxDecisionSeconds", "maxRtoSeconds", "maxRpoSeconds");
    private static final Pattern COMPARISON = Pattern.compile("\\s*(>=|<=|==|>|<|=)?\\s*(\\d+)\\s*");

    private Expectations() {
    }

    /** Refuses an unknown key or a value that key cannot take. */
    public static void check(String key, String value) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("unknown expectation '" + key + "'; known: "
                    + String.join(", ", KEYS.keySet().stream().sorted().toList()));
        }
        if (key.equals("finalMode")) {
            if (!Set.of("AUTO", "MANUAL", "OFF").contains(value)) {
                throw new IllegalArgumentException("finalMode must be AUTO, MANUAL or OFF, got '" + value + "'");
            }
        } else if (key.equals("fence")) {
            if (!FENCE_OUTCOMES.contains(value)) {
                throw new IllegalArgumentException("fence must be SUCCEEDED, SKIPPED or FAILED, got '" + value + "'");
            }
        } else if (MAX_KEYS.contains(key)) {
            try {
                if (Double.parseDouble(value) < 0) {
                    throw new IllegalArgumentException(key + " must not be negative");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " takes a number of seconds, got '" + value + "'");
            }
        } else if (!COMPARISON.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " takes a count or a comparison like \">=1\", got '" + value + "'");
        }
    }

    /**
     * Judges one expectation. {@code measured} is a Number for counts and seconds, a String for the mode, or null
     * when the drill could not measure it (which fails the expectation).
     */
    public static boolean holds(String key, String expected, Object measured) {
        check(key, expected);
        if (measured == null) {
            return false;
        }
        if (key.equals("finalMode") || key.equals("fence")) {
            return expected.equals(measured.toString());
        }
        double value = ((Number) measured).doubleValue();
        if (MAX_KEYS.contains(key)) {
            return value <= Double.parseDouble(expected);
        }
        Matcher matcher = COMPARISON.matcher(expected);
        matcher.matches();
        String operator = matcher.group(1) == null ? "==" : matcher.group(1);
        long bound = Long.parseLong(matcher.group(2));
        return switch (operator) {
            case ">=" -> value >= bound;
            case "<=" -> value <= bound;
            case ">" -> value > bound;
            case "<" -> value < bound;
            default -> value == bound;
        };
    }
}
