package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pra.testkit.site.rbac.DecisionFiles;
import io.pra.testkit.site.rbac.DecisionRecord;
import io.pra.testkit.site.rbac.Grant;
import io.pra.testkit.site.rbac.PolicyUsage;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.testkit.site.rbac.ServiceAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/'s RBAC against what PRA's services did on the fake sites of the integration tests and the drills (the
 * decisions each enforcing site wrote to its module's {@code target/rbac-decisions}): no flow was refused, and no
 * grant went unused, but for the few a test cannot exercise, each with its reason below. Run after the modules that
 * record them, as {@code ./mvnw verify} does (the reactor builds ops-checks after them); skipped when none recorded
 * anything (ops-checks alone), failed when only some did.
 */
class RbacGrantsUsedIT {

    /** Modules whose integration tests drive PRA's services against enforcing fake sites. */
    static final List<String> RECORDING_MODULES = List.of("backup-service", "failover-service", "health-service",
            "cli");

    /** Grants no test can use, each with why it is needed all the same. Keep it empty when possible. */
    static final Map<String, String> NEEDED_BUT_NOT_EXERCISED = Map.of();

    private static Map<String, List<DecisionRecord>> decisions;

    @BeforeAll
    static void readDecisions() {
        decisions = new LinkedHashMap<>();
        for (String module : RECORDING_MODULES) {
            decisions.put(module, DecisionFiles.read(decisionsOf(module)));
        }
    }

    @Test
    void everyModuleRecordedItsDecisions() {
        assumeTrue(decisions.values().stream().anyMatch(list -> !list.isEmpty()), "no RBAC decisions recorded in "
                + RECORDING_MODULES + ": run their integration tests first (./mvnw verify does)");
        assertThat(decisions).allSatisfy((module, recorded) -> assertThat(recorded)
                .as("RBAC decisions of %s (target/rbac-decisions)", module).isNotEmpty());
    }

    @Test
    void noCallOfAServiceWasRefused() {
        assumeRecorded();
        List<String> refused = new ArrayList<>();
        decisions.forEach((module, recorded) -> recorded.stream().filter(d -> !d.allowed())
                .filter(d -> ServiceAccount.PRA_SERVICES.stream().anyMatch(a -> a.username().equals(d.user().name())))
                .forEach(d -> refused.add(module + ": " + d)));

        assertThat(refused).as("calls the sites refused to PRA's services in flows that must succeed").isEmpty();
    }

    @Test
    void everyGrantOfDeployIsUsedByAFlow() {
        assumeRecorded();
        List<DecisionRecord> all = decisions.values().stream().flatMap(List::stream).toList();
        Set<String> unused = new TreeSet<>(unused(RbacPolicy.shipped(Repo.ROOT, "site-a"), all));
        unused.retainAll(unused(RbacPolicy.shipped(Repo.ROOT, "site-b"), all));

        assertThat(NEEDED_BUT_NOT_EXERCISED.keySet()).as("allowed unused grants that are no longer in deploy/")
                .allMatch(grant -> grantsOfDeploy().contains(grant));
        assertThat(unused).as("grants of deploy/ that no flow used (remove them, or exercise them in a test)")
                .isSubsetOf(NEEDED_BUT_NOT_EXERCISED.keySet());
    }

    private static List<String> unused(RbacPolicy policy, List<DecisionRecord> all) {
        return PolicyUsage.unused(policy, all).stream().map(Grant::toString).toList();
    }

    private static Set<String> grantsOfDeploy() {
        Set<String> grants = new TreeSet<>();
        for (String overlay : List.of("site-a", "site-b")) {
            PolicyUsage.grants(RbacPolicy.shipped(Repo.ROOT, overlay)).forEach(grant -> grants.add(grant.toString()));
        }
        return grants;
    }

    private static void assumeRecorded() {
        // JUnit's assumption, not AssertJ's: AssertJ's needs Hamcrest on the class path to report a skip.
        assumeTrue(decisions.values().stream().anyMatch(list -> !list.isEmpty()),
                "no RBAC decisions recorded: run the services' integration tests first");
    }

    static Path decisionsOf(String module) {
        return Repo.path(module).resolve("target").resolve("rbac-decisions");
    }
}
