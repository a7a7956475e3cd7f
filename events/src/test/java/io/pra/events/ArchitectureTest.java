package io.pra.events;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/** The event contracts: no package cycles, no other PRA module ({@link LayerRules}). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.module("io.pra.events").tests();
    }
}
