package io.pra.kit.app;

import io.pra.kit.intake.IntakeSettings;
import io.pra.kit.outbox.OutboxSettings;
import io.pra.kit.processed.ProcessedEventSettings;
import io.pra.kit.retention.RetentionSettings;
import io.smallrye.config.ConfigMapping;

/** The kit's settings mapped as a service maps them, defaults inherited from the kit's interfaces. */
public final class KitTestConfig {

    private KitTestConfig() {
    }

    /** {@code pra.outbox.*}. */
    @ConfigMapping(prefix = "pra.outbox")
    public interface Outbox extends OutboxSettings {
    }

    /** {@code pra.processed-events.*}. */
    @ConfigMapping(prefix = "pra.processed-events")
    public interface ProcessedEvents extends ProcessedEventSettings {
    }

    /** {@code pra.intake.*}: how the kit's consumers retry a valid event they could not record. */
    @ConfigMapping(prefix = "pra.intake")
    public interface Intake extends IntakeSettings {
    }

    /** {@code pra.retention.*}. */
    @ConfigMapping(prefix = "pra.retention")
    public interface Retention extends RetentionSettings {
    }
}
