package io.pra.cli.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenarios write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h30m}, optionally signed. */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {
    }

    /** Parses a duration; a bare number is seconds. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String value = text.trim();
        boolean negative = value.startsWith("-");
        if (negative || value.startsWith("+")) {
            value = value.substring(1);
        }
        if (value.matches("\\d+(\\.\\d+)?")) {
            value = value + "s";
        }
        Matcher matcher = PART.matcher(value);
        long millis = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            double amount = Double.parseDouble(matcher.group(1));
            millis += (long) (amount * switch (matcher.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 500ms, 10s, 2m, 1h)");
        }
        Duration duration = Duration.ofMillis(millis);
        return negative ? duration.negated() : duration;
    }

    /** A short human form: {@code 850ms}, {@code 12.3s}, {@code 4m05s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        String sign = millis < 0 ? "-" : "";
        millis = Math.abs(millis);
        if (millis < 1_000) {
            return sign + millis + "ms";
        }
        if (millis < 60_000) {
            return sign + String.format("%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return sign + String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return sign + String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** ISO-8601 form for Quarkus settings, e.g. {@code PT10S}. */
    public static String iso(Duration duration) {
        return duration.toString();
    }
}
