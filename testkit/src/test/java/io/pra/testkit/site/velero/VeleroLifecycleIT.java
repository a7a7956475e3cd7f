package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.SiteFixtures;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.Velero;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VeleroLifecycleIT {

    @Test
    void closingThePairLeavesNoThreadBehind() {
        SiteFixtures.quietClientLogs();
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        try (SitePair sites = SitePair.builder().enforceShippedRbac().start()) {
            SampleApp.install(sites.a());
            sites.a().client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                    .resource(SiteFixtures.backup("b1", SampleApp.SHOP)).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Backup backup = sites.b().client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                        .withName("b1").get();
                return backup != null && backup.getStatus().getPhase() == BackupPhase.COMPLETED;
            });
            sites.assertNoCallRefused();
        }

        // fabric8's shared watch scheduler and Netty's global executor end on their own once idle (about 10 s).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(leftovers(before)).isEmpty());
    }

    private static Set<String> leftovers(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                // Awaitility polls on its own short-lived thread; the JVM may add common-pool workers.
                .filter(name -> !name.startsWith("awaitility") && !name.startsWith("ForkJoinPool"))
                .collect(Collectors.toSet());
    }
}
