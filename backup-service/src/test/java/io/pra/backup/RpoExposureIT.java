package io.pra.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.pra.backup.support.BackupSitesResource;
import io.pra.backup.support.EventTap;
import io.pra.backup.support.TestClock;
import io.pra.events.Topics;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.velero.Fault;
import io.pra.testkit.site.velero.Operation;
import io.pra.testkit.site.velero.SitePair;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Acceptance: exposure grows while backups fail, crosses warning then breach, and a verified backup recovers it. */
@QuarkusTest
@WithTestResource(value = BackupSitesResource.class, initArgs = {
        @ResourceArg(name = "group", value = "rpo"), @ResourceArg(name = "rpo-objective", value = "10m")})
class RpoExposureIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern EXPOSURE = Pattern.compile("pra_rpo_exposure_seconds\\{group=\"rpo\"} ([0-9.E]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventTap tap;

    @AfterEach
    void closeTap() {
        if (tap != null) {
            tap.close();
        }
        TestClock.sites().assertNoCallRefused();
    }

    @Test
    void exposureCrossesWarningThenBreachAndAFreshVerifiedBackupRecoversIt() {
        tap = new EventTap(bootstrapServers, Topics.BACKUP, Topics.HEALTH);
        SitePair sites = TestClock.sites();
        MutableClock clock = TestClock.clock();
        sites.veleroB().syncNow();
        await().atMost(BOUND).until(() -> {
            sites.veleroB().syncNow();
            return tap.events(BackupOffsiteVerified.class, v -> v.protectionGroup().equals("rpo"));
        }, l -> !l.isEmpty());
        assertThat(exposureSeconds()).isLessThan(60);

        sites.veleroA().faults().injectUntilCleared(Operation.BACKUP, Fault.fail("disk full"));
        String failed = trigger();
        await().atMost(BOUND).until(() -> tap.events(BackupFailed.class, f -> f.backupName().equals(failed)),
                l -> !l.isEmpty());
        clock.advance(Duration.ofMinutes(9));

        HealthDegraded warning = await().atMost(BOUND).until(() -> degradations(), l -> !l.isEmpty()).get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.checkKind()).isEqualTo(CheckKind.RPO);
        assertThat(warning.site()).isEqualTo("a");
        assertThat(exposureSeconds()).isGreaterThanOrEqualTo(540);
        given().get("/api/v1/groups").then().statusCode(200).body("find { it.name == 'rpo' }.rpoLevel", is("WARNING"));

        String failedAgain = trigger();
        await().atMost(BOUND).until(() -> tap.events(BackupFailed.class, f -> f.backupName().equals(failedAgain)),
                l -> !l.isEmpty());
        clock.advance(Duration.ofMinutes(2));

        List<HealthDegraded> degraded = await().atMost(BOUND).until(this::degradations, l -> l.size() == 2);
        assertThat(degraded.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(degraded.get(1).firstFailedAt()).isEqualTo(warning.firstFailedAt());

        sites.veleroA().faults().clearAll();
        String fresh = trigger();
        await().atMost(BOUND).until(() -> {
            sites.veleroB().syncNow();
            return tap.events(BackupOffsiteVerified.class, v -> v.backupName().equals(fresh));
        }, l -> !l.isEmpty());

        List<HealthRecovered> recovered = await().atMost(BOUND).until(
                () -> tap.events(HealthRecovered.class, r -> r.checkId().equals("rpo-rpo")), l -> !l.isEmpty());
        assertThat(recovered).hasSize(1);
        assertThat(recovered.get(0).degradedSince()).isEqualTo(warning.firstFailedAt());
        assertThat(exposureSeconds()).isLessThan(60);
        assertThat(degradations()).hasSize(2);
    }

    private List<HealthDegraded> degradations() {
        return tap.events(HealthDegraded.class, d -> d.checkId().equals("rpo-rpo"));
    }

    private String trigger() {
        return given().contentType(ContentType.JSON).body("{\"group\": \"rpo\"}").post("/api/v1/backups")
                .then().statusCode(202).extract().path("name");
    }

    private static double exposureSeconds() {
        Matcher matcher = EXPOSURE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertThat(matcher.find()).as("pra_rpo_exposure_seconds{group=\"rpo\"} in /q/metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
