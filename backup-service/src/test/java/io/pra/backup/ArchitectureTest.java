package io.pra.backup;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pra.arch.LayerRules;

/** backup-service keeps the layer rules of a service ({@link LayerRules}, docs/architecture.md "A service"). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLayerRules() {
        return LayerRules.service("io.pra.backup").tests();
    }
}
