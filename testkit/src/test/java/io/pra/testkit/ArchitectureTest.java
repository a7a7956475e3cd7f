package io.pra.testkit;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/** The test kit: no package cycles, and of PRA only the Velero model, never a service ({@link LayerRules}). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.module("io.pra.testkit", LayerRules.VELERO).tests();
    }
}
