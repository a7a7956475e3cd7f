package io.pra.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median with min/max of repeated runs, and nearest-rank percentiles of trials. */
public final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of a non-empty list. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Median, min and max of repeated measurements. */
    public record Summary(double median, double min, double max, int runs) {

        public static Summary of(List<Double> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
        }

        /** {@code median (min–max)} with the given decimals. */
        public String format(int decimals) {
            String pattern = "%." + decimals + "f";
            String median = String.format(pattern, this.median);
            if (runs == 1 || min == max) {
                return median;
            }
            return median + " (" + String.format(pattern, min) + "–" + String.format(pattern, max) + ")";
        }

        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("median", median);
            json.put("min", min);
            json.put("max", max);
            json.put("runs", runs);
            return json;
        }
    }

    /** p50/p99/min/max of trials, in milliseconds. */
    public record Latency(double p50, double p99, double min, double max, int trials, int lost) {

        public static Latency ofMillis(List<Double> millis, int lost) {
            if (millis.isEmpty()) {
                return new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, lost);
            }
            return new Latency(percentile(millis, 50), percentile(millis, 99), percentile(millis, 0),
                    percentile(millis, 100), millis.size(), lost);
        }

        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("p50Ms", orNull(p50));
            json.put("p99Ms", orNull(p99));
            json.put("minMs", orNull(min));
            json.put("maxMs", orNull(max));
            json.put("trials", trials);
            json.put("lost", lost);
            return json;
        }

        private static Double orNull(double value) {
            return Double.isNaN(value) ? null : value;
        }
    }
}
