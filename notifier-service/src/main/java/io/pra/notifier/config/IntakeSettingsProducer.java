package io.pra.notifier.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.kit.intake.IntakeSettings;

/** The kit's intake retry reads this service's {@code pra.notifier.intake.*} settings. */
public class IntakeSettingsProducer {

    @Produces
    @Singleton
    IntakeSettings intake(NotifierConfig config) {
        return config.intake();
    }
}
