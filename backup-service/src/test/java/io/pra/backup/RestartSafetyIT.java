package io.pra.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.backup.k8s.PraLabels;
import io.pra.backup.support.EventTap;
import io.pra.events.Topics;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.PraEvent;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.BackupLaunch;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.launch.SiteAccess;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.testkit.site.velero.SitePair;
import io.pra.velero.Backup;
import io.pra.velero.BackupSpec;

/**
 * Acceptance: the packaged service is killed (SIGKILL) while backups complete and started again; the catalog and
 * the topic then hold every backup exactly once, including those that finished while it was down.
 */
class RestartSafetyIT {

    private static final String GROUP = "restart";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private SitePair sites;
    private Database database;
    private EventTap tap;
    private String bootstrapServers;

    @BeforeEach
    void setUp() {
        bootstrapServers = SharedInfrastructure.kafka().bootstrapServers();
        SharedInfrastructure.kafka().createTopics(Map.of(Topics.BACKUP, 1, Topics.HEALTH, 1));
        database = SharedInfrastructure.postgres().createDatabase("backup");
        sites = SitePair.builder().enforceShippedRbac().start();
        SampleApp.install(sites.a());
        tap = new EventTap(bootstrapServers, Topics.BACKUP);
    }

    @AfterEach
    void tearDown() {
        tap.close();
        sites.assertNoCallRefused();
        sites.close();
        SharedInfrastructure.postgres().dropDatabase(database);
    }

    @Test
    void aKilledServiceCatchesUpAndRecordsAndAnnouncesEachBackupOnce() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "restart-it"));
        try (ServiceProcess first = started("first", logs)) {
            createBackups("before", 3);
            await().atMost(BOUND).until(() -> completedNames().size() >= 2);
            createBackups("during", 3);
            first.kill();
        }
        // Finished while the service is down, and synced to the peer meanwhile.
        createBackups("down", 2);
        await().atMost(BOUND).until(() -> sites.a().client().resources(Backup.class).list().getItems().stream()
                .allMatch(b -> b.getStatus() != null && b.getStatus().getPhase() != null
                        && b.getStatus().getPhase().isTerminal()));
        sites.veleroB().syncNow();
        List<String> expected = sites.a().client().resources(Backup.class).list().getItems().stream()
                .map(b -> b.getMetadata().getName()).sorted().toList();
        assertThat(expected).hasSize(1 + 3 + 3 + 2);

        try (ServiceProcess second = started("second", logs)) {
            await().atMost(BOUND).until(() -> completedNames().size() == expected.size()
                    && verifiedNames().size() == expected.size());

            assertThat(catalogRows()).containsExactlyElementsOf(expected);
            assertThat(countBy(tap.events(BackupCompleted.class, c -> c.protectionGroup().equals(GROUP)),
                    BackupCompleted::backupName)).containsOnlyKeys(expected).allSatisfy((name, n) ->
                            assertThat(n).as(name).isEqualTo(1L));
            assertThat(countBy(tap.events(BackupOffsiteVerified.class, v -> v.protectionGroup().equals(GROUP)),
                    BackupOffsiteVerified::backupName)).containsOnlyKeys(expected).allSatisfy((name, n) ->
                            assertThat(n).as(name).isEqualTo(1L));
            given().get(second.baseUrl() + "/api/v1/backups/" + expected.get(0)).then().statusCode(200);
        }
    }

    /** The packaged service (its own JVM), started and ready; its output in {@code <logs>/<run>.log}. */
    private ServiceProcess started(String run, Path logs) {
        BackupLaunch launch = new BackupLaunch("backup-service", LoopbackPorts.free(), bootstrapServers, database)
                .instance("restart-it").group(GROUP, new BackupLaunch.Group(SampleApp.NAMESPACES, "@every 1h", null,
                        null)).outboxPollInterval(Duration.ofMillis(200));
        for (FakeSite site : List.of(sites.a(), sites.b())) {
            launch.site(site.id(), SiteAccess.of(site, ServiceAccount.BACKUP_SERVICE));
        }
        ServiceProcess service = ServiceProcess.builder(launch, ServiceProcess.packagedJar(Path.of("")))
                .jvmOptions(List.of("-Xmx256m")).log(logs.resolve(run + ".log")).build();
        service.start();
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    private void createBackups(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            Backup backup = new Backup();
            backup.setMetadata(new ObjectMetaBuilder().withName("pra-" + GROUP + "-" + prefix + "-" + i)
                    .withNamespace("velero").addToLabels(PraLabels.MANAGED_BY, PraLabels.MANAGED_BY_VALUE)
                    .addToLabels(PraLabels.PROTECTION_GROUP, GROUP).build());
            BackupSpec spec = new BackupSpec();
            spec.setIncludedNamespaces(SampleApp.NAMESPACES);
            backup.setSpec(spec);
            sites.a().client().resources(Backup.class).resource(backup).create();
        }
    }

    private List<String> completedNames() {
        return tap.events(BackupCompleted.class, c -> c.protectionGroup().equals(GROUP)).stream()
                .map(BackupCompleted::backupName).distinct().toList();
    }

    private List<String> verifiedNames() {
        return tap.events(BackupOffsiteVerified.class, v -> v.protectionGroup().equals(GROUP)).stream()
                .map(BackupOffsiteVerified::backupName).distinct().toList();
    }

    private List<String> catalogRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT name FROM backup.backup_record ORDER BY name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static <T extends PraEvent> Map<String, Long> countBy(List<T> events, Function<T, String> name) {
        return events.stream().collect(Collectors.groupingBy(name, Collectors.counting()));
    }
}
