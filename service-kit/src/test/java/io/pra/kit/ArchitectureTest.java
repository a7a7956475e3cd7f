package io.pra.kit;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/** The service kit: no package cycles, and of PRA only the event contracts, never a service ({@link LayerRules}). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.module("io.pra.kit", LayerRules.EVENTS).tests();
    }
}
