package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.backupCompleted;
import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pra.testkit.sink.SlackSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class GroupingIT {

    SlackSink slack;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void tenCompletedBackupsInTheWindowAreOneMessageWhileASiteDownGoesOutAtOnceAlone() throws Exception {
        String site = site("grouped");
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int i = 1; i <= 10; i++) {
                publisher.publish(backupCompleted(site, i));
            }
            publisher.publish(siteDown(site, 1));
        }

        // The window is three seconds: the site-down message goes out first, alone, then the group.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Inbox.accepted(slack, "Backup completed (site " + site).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Inbox.posts(slack, site).size() == 2);
        assertThat(Inbox.posts(slack, site)).extracting(post -> post.body().contains("Site down (site " + site))
                .containsExactly(true, false);

        JsonNode message = new ObjectMapper().readTree(Inbox.accepted(slack, "Backup completed (site " + site).get(0)
                .body());
        assertThat(message.at("/text").asText()).isEqualTo("[INFO] 10 × Backup completed (site " + site + ")");
        assertThat(message.at("/attachments/0/color").asText()).isEqualTo("#2eb67d");
        String list = message.at("/attachments/0/blocks/2/text/text").asText();
        for (int i = 1; i <= 10; i++) {
            assertThat(list).contains("Backup name: hourly-" + i + ",");
        }
    }

    @Test
    void backupsOfTwoSitesAreTwoGroups() {
        String first = site("group-a");
        String second = site("group-b");
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int i = 1; i <= 3; i++) {
                publisher.publish(backupCompleted(first, i));
                publisher.publish(backupCompleted(second, i));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.accepted(slack, first).size() == 1
                && Inbox.accepted(slack, second).size() == 1);
        assertThat(Inbox.accepted(slack, first).get(0).body()).contains("3 × Backup completed");
        assertThat(Inbox.accepted(slack, second).get(0).body()).contains("3 × Backup completed");
    }
}
