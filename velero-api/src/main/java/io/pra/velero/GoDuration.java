package io.pra.velero;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire format of `metav1.Duration` (Go's `time.Duration`), used by Velero for spec.ttl and the timeouts:
 * parsing accepts what Go's `time.ParseDuration` accepts, formatting writes what Go's `Duration.String()` writes.
 */
public final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile("[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** Parses "720h0m0s", "5m", "1.5h", "300ms" or "0"; rejects anything Go would reject. */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("duration is null");
        }
        String trimmed = text.trim();
        if (trimmed.matches("[-+]?0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("not a Go duration: \"" + text + "\"");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
        }
        long total = nanos.longValue();
        return Duration.ofNanos(trimmed.startsWith("-") ? -total : total);
    }

    /** Formats like Go: 720h0m0s, 5m0s, 1.5s, 300ms, 0s. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long value = Math.abs(nanos);
        if (value < 1_000_000_000L) {
            if (value < 1_000L) {
                out.append(value).append("ns");
            } else if (value < 1_000_000L) {
                out.append(decimal(value, 3)).append("µs");
            } else {
                out.append(decimal(value, 6)).append("ms");
            }
        } else {
            long seconds = value / 1_000_000_000L;
            String fraction = fraction(value % 1_000_000_000L, 9);
            long minutes = seconds / 60;
            long hours = minutes / 60;
            if (hours > 0) {
                out.append(hours).append('h');
            }
            if (minutes > 0) {
                out.append(minutes % 60).append('m');
            }
            out.append(seconds % 60).append(fraction).append('s');
        }
        return nanos < 0 ? "-" + out : out.toString();
    }

    private static String decimal(long value, int scale) {
        long unit = (long) Math.pow(10, scale);
        return (value / unit) + fraction(value % unit, scale);
    }

    private static String fraction(long remainder, int digits) {
        if (remainder == 0) {
            return "";
        }
        String padded = String.format("%0" + digits + "d", remainder);
        return "." + padded.replaceAll("0+$", "");
    }
}
