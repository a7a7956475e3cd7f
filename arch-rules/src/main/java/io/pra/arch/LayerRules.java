package io.pra.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;

/**
 * The layer rules of PRA's modules, in one place: each module's {@code ArchitectureTest} names its base package and
 * the kind of module it is, and runs {@link #tests()} as a {@code @TestFactory}.
 *
 * <p>A service ({@link #service}) keeps its {@code domain} pure (the JDK, the event contracts and itself), its layers
 * in order ({@code api} → use cases → {@code domain}, adapters beside the use cases, {@code config} under all but the
 * domain), its packages free of cycles, and of PRA uses only the event contracts, the service kit and the Velero
 * model, so services never import each other. Any other module ({@link #module}) keeps its packages free of cycles
 * and uses only the PRA modules it names.
 */
public final class LayerRules {

    /** The event contracts: the ground floor, which every module may use. */
    public static final String EVENTS = "io.pra.events";
    /** The typed model of Velero's objects. */
    public static final String VELERO = "io.pra.velero";
    /** What every service needs once: outbox, processed-event log, site clients, clock, info and errors. */
    public static final String KIT = "io.pra.kit";
    /** Kafka, PostgreSQL, fake sites, sinks and the launcher of the services as processes. */
    public static final String TESTKIT = "io.pra.testkit";

    /** Packages of a service that reach outside the process: the domain never imports them. */
    public static final List<String> ADAPTERS = List.of("k8s", "messaging", "persistence", "channel", "cutover");

    private static final String API = "api";
    private static final String USE_CASES = "use cases";
    private static final String DOMAIN = "domain";
    private static final String CONFIG = "config";
    private static final String ADAPTER = "adapters";

    private final String basePackage;
    private final List<ArchRule> rules;

    private LayerRules(String basePackage, List<ArchRule> rules) {
        this.basePackage = basePackage;
        this.rules = List.copyOf(rules);
    }

    /** The rules of a Quarkus service whose packages are {@code basePackage.<layer>}. */
    public static LayerRules service(String basePackage) {
        return new LayerRules(basePackage, List.of(
                domainIsPure(basePackage),
                layersInOrder(basePackage),
                freeOfCycles(basePackage),
                usesOnly(basePackage, EVENTS, KIT, VELERO)));
    }

    /** The rules of a module that is not a service: of PRA it uses only the modules {@code mayUse}. */
    public static LayerRules module(String basePackage, String... mayUse) {
        return new LayerRules(basePackage, List.of(
                domainIsPure(basePackage),
                freeOfCycles(basePackage),
                usesOnly(basePackage, mayUse)));
    }

    /** One test per rule, on the module's main classes (not its tests, not its dependencies). */
    public Stream<DynamicTest> tests() {
        return tests(mainClasses(basePackage));
    }

    /** One test per rule, on {@code classes}. */
    public Stream<DynamicTest> tests(JavaClasses classes) {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** The rules, for checking them against fixtures. */
    public List<ArchRule> rules() {
        return rules;
    }

    /** The classes of {@code basePackage} compiled from a module's main sources: no tests, nothing from a jar. */
    public static JavaClasses mainClasses(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            // A rule over no classes passes: refuse to let a mistyped package make every rule vacuous.
            throw new IllegalStateException("no main classes in " + basePackage + " on the class path");
        }
        return classes;
    }

    /** {@code domain} imports the JDK, the event contracts and itself: no framework, no adapter, no other layer. */
    static ArchRule domainIsPure(String basePackage) {
        return classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", EVENTS + "..",
                        basePackage + ".domain..")
                .because("the domain is pure logic, tested by plain unit tests: no Quarkus, Jakarta, fabric8, "
                        + "SmallRye, Vert.x, Hibernate, Kafka, Micrometer or JBoss Logging, and none of the "
                        + "service's other layers")
                .allowEmptyShould(true);
    }

    /**
     * {@code api} → use cases → {@code domain}: nothing uses {@code api}; the use cases ({@code service} and any
     * package that is no other layer) are used by {@code api} and by the adapters that call in (consumers,
     * informers) or implement the use cases' interfaces; adapters are used by the use cases only; {@code config} by
     * all but the domain, and uses only the domain; the domain uses no other layer.
     */
    static ArchRule layersInOrder(String basePackage) {
        String[] adapters = ADAPTERS.stream().map(adapter -> basePackage + "." + adapter + "..")
                .toArray(String[]::new);
        DescribedPredicate<JavaClass> otherLayer = resideInAnyPackage(concat(adapters,
                basePackage + "." + API + "..", basePackage + "." + DOMAIN + "..", basePackage + "." + CONFIG + ".."));
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer(API).definedBy(basePackage + "." + API + "..")
                .layer(USE_CASES).definedBy(resideInAPackage(basePackage + "..").and(not(otherLayer))
                        .as("the other packages of " + basePackage))
                .layer(ADAPTER).definedBy(adapters)
                .layer(CONFIG).definedBy(basePackage + "." + CONFIG + "..")
                .layer(DOMAIN).definedBy(basePackage + "." + DOMAIN + "..")
                .whereLayer(API).mayNotBeAccessedByAnyLayer()
                .whereLayer(USE_CASES).mayOnlyBeAccessedByLayers(API, ADAPTER)
                .whereLayer(ADAPTER).mayOnlyBeAccessedByLayers(USE_CASES)
                .whereLayer(CONFIG).mayOnlyBeAccessedByLayers(API, USE_CASES, ADAPTER)
                .whereLayer(CONFIG).mayOnlyAccessLayers(DOMAIN)
                .whereLayer(DOMAIN).mayNotAccessAnyLayer()
                .because("a service is layered api -> service -> domain, adapters beside the use cases "
                        + "(docs/architecture.md, \"A service\")");
    }

    /** No cycle between the packages right under {@code basePackage} (each with its subpackages). */
    static ArchRule freeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** Of PRA's packages, classes of {@code basePackage} use only their own and those of {@code mayUse}. */
    static ArchRule usesOnly(String basePackage, String... mayUse) {
        List<String> allowed = new ArrayList<>(List.of(basePackage + ".."));
        for (String module : mayUse) {
            allowed.add(module + "..");
        }
        String uses = mayUse.length == 0 ? "no other PRA module" : "of PRA only " + String.join(", ", mayUse);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("io.pra..")
                        .and(not(resideInAnyPackage(allowed.toArray(String[]::new))))
                        .as("are in another PRA module than " + String.join(", ", allowed)))
                .because(basePackage + " uses " + uses + ": services talk through their HTTP and Kafka "
                        + "contracts, never by importing each other");
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
