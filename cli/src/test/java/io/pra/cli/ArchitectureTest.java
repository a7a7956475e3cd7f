package io.pra.cli;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/**
 * The cli reaches the services only through their HTTP and Kafka contracts, and has no package cycles
 * ({@link LayerRules}).
 */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.module("io.pra.cli", LayerRules.EVENTS, LayerRules.TESTKIT, LayerRules.VELERO).tests();
    }
}
