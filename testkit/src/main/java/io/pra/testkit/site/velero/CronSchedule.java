package io.pra.testkit.site.velero;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.pra.velero.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A Velero schedule expression: 5-field cron, {@code @every <Go duration>}, or a descriptor such as
 * {@code @daily}, evaluated in UTC like a Velero server running with TZ unset.
 */
public final class CronSchedule {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final String expression;
    private final Duration every;
    private final ExecutionTime cron;

    private CronSchedule(String expression, Duration every, ExecutionTime cron) {
        this.expression = expression;
        this.every = every;
        this.cron = cron;
    }

    /** Parses like Velero's schedule controller; throws IllegalArgumentException with the reason otherwise. */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Schedule must be a non-empty valid Cron expression");
        }
        String trimmed = expression.trim();
        if (trimmed.startsWith("@every")) {
            Duration every = parseEvery(trimmed.substring("@every".length()).trim(), expression);
            return new CronSchedule(expression, every, null);
        }
        String cron = DESCRIPTORS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        try {
            return new CronSchedule(expression, null, ExecutionTime.forCron(UNIX.parse(cron)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid schedule \"" + expression + "\": " + e.getMessage(), e);
        }
    }

    public String expression() {
        return expression;
    }

    /** The first run strictly after {@code time}. */
    public Instant nextAfter(Instant time) {
        if (every != null) {
            // robfig/cron's ConstantDelaySchedule: drop the sub-second part, then add the delay.
            return time.truncatedTo(ChronoUnit.SECONDS).plus(every);
        }
        return cron.nextExecution(ZonedDateTime.ofInstant(time, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("schedule \"" + expression + "\" never runs again"));
    }

    @Override
    public String toString() {
        return expression;
    }

    private static Duration parseEvery(String text, String expression) {
        Duration every;
        try {
            every = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid schedule \"" + expression + "\": " + e.getMessage(), e);
        }
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            // robfig/cron rounds @every up to one second.
            return Duration.ofSeconds(1);
        }
        return every.truncatedTo(ChronoUnit.SECONDS);
    }
}
