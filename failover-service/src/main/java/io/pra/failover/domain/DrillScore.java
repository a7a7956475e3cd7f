package io.pra.failover.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drill's score against the objectives: 100 when every step succeeded and RTO and RPO are within their
 * objectives; each missed objective costs 50 points; a drill that could not finish scores 0.
 *
 * @param passed   true when the score is 100
 * @param score    0 to 100
 * @param findings what cost points or failed the drill; empty when nothing did
 */
public record DrillScore(boolean passed, int score, List<String> findings) {

    /** Prefix of the namespaces a drill restores into on the target site. */
    public static final String NAMESPACE_PREFIX = "drill-";

    private static final int NAMESPACE_MAX = 63;

    public DrillScore {
        findings = List.copyOf(findings);
    }

    /** Scores a drill; {@code failureReason} is null when every step succeeded. */
    public static DrillScore of(String failureReason, Duration rto, Duration rtoObjective, Duration rpo,
            Duration rpoObjective) {
        if (failureReason != null) {
            return new DrillScore(false, 0, List.of(failureReason));
        }
        List<String> findings = new ArrayList<>();
        int score = 100;
        if (!RunMeasures.meets(rto, rtoObjective)) {
            score -= 50;
            findings.add("RTO " + rto + " is over the objective " + rtoObjective);
        }
        if (!RunMeasures.meets(rpo, rpoObjective)) {
            score -= 50;
            findings.add("RPO " + rpo + " is over the objective " + rpoObjective);
        }
        return new DrillScore(score == 100, score, findings);
    }

    /** Source namespace → {@code drill-<ns>} (cut to Kubernetes' 63 characters), in the given order. */
    public static Map<String, String> namespaceMapping(List<String> namespaces) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String namespace : namespaces) {
            String mapped = NAMESPACE_PREFIX + namespace;
            mapping.put(namespace, mapped.length() > NAMESPACE_MAX ? mapped.substring(0, NAMESPACE_MAX) : mapped);
        }
        return mapping;
    }
}
