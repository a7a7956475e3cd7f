package io.pra.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The rules themselves, on two fixture services in this module's test sources: {@code fixture.good} keeps every
 * rule, {@code fixture.bad} breaks each one once, and each rule names what breaks it.
 */
class LayerRulesTest {

    private static final String GOOD = "io.pra.arch.fixture.good";
    private static final String BAD = "io.pra.arch.fixture.bad";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("io.pra.arch.fixture");

    @Test
    void aServiceThatKeepsItsLayersPassesEveryRule() {
        for (ArchRule rule : LayerRules.service(GOOD).rules()) {
            assertThat(rule.evaluate(FIXTURES).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        }
    }

    @Test
    void aFrameworkOrAnAdapterInTheDomainIsRefused() {
        assertThat(violations(LayerRules.domainIsPure(BAD)))
                .anyMatch(line -> line.contains("bad.domain.Tally") && line.contains("org.jboss.logging.Logger"))
                .anyMatch(line -> line.contains("bad.domain.Tally") && line.contains("bad.persistence.Store"))
                .noneMatch(line -> line.contains("good."));
    }

    @Test
    void anAdapterUsingTheApiOrADomainUsingAnAdapterBreaksTheLayers() {
        assertThat(violations(LayerRules.layersInOrder(BAD)))
                .anyMatch(line -> line.contains("bad.persistence.Store") && line.contains("bad.api.VoteView"))
                .anyMatch(line -> line.contains("bad.domain.Tally") && line.contains("bad.persistence.Store"));
    }

    @Test
    void aUseCaseAndAnAdapterUsingEachOtherAreACycle() {
        assertThat(String.join("\n", violations(LayerRules.freeOfCycles(BAD))))
                .containsPattern("Cycle detected: messaging ->\\s+service ->\\s+messaging")
                .doesNotContain("Cycle detected: domain");
    }

    @Test
    void anotherModulesClassesAreRefused() {
        assertThat(violations(LayerRules.usesOnly(BAD, LayerRules.EVENTS)))
                .isNotEmpty()
                .allMatch(line -> line.contains("bad.service.Voting") && line.contains("good.domain.Tally"));
        assertThat(violations(LayerRules.usesOnly(BAD, LayerRules.EVENTS, GOOD))).isEmpty();
    }

    @Test
    void theModulesTestsFailOnTheBadFixture() {
        assertThat(LayerRules.service(BAD).tests(FIXTURES)).hasSize(4).allSatisfy(test ->
                assertThatThrownBy(() -> test.getExecutable().execute()).isInstanceOf(AssertionError.class));
    }

    @Test
    void aPackageWithoutMainClassesIsAnError() {
        assertThatThrownBy(() -> LayerRules.mainClasses("io.pra.nosuchmodule"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("io.pra.nosuchmodule");
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        return result.getFailureReport().getDetails();
    }
}
