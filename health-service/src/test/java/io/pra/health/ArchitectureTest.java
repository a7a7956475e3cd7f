package io.pra.health;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/** health-service keeps the layer rules of a service ({@link LayerRules}, docs/architecture.md "A service"). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.service("io.pra.health").tests();
    }
}
