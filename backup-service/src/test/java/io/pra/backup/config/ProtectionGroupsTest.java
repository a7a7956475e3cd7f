package io.pra.backup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pra.backup.domain.ProtectionGroup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ProtectionGroupsTest {

    @Test
    void readsAGroupWithItsDefaults() {
        ProtectionGroups groups = groups(Map.of(
                "pra.backup.groups.shop.namespaces", "shop,billing",
                "pra.backup.groups.shop.schedule", "*/5 * * * *"));

        ProtectionGroup shop = groups.find("shop").orElseThrow();
        assertThat(shop.namespaces()).containsExactly("shop", "billing");
        assertThat(shop.sourceSite()).isEqualTo("a");
        assertThat(shop.peerSites()).containsExactly("b");
        assertThat(shop.ttl()).isEqualTo(Duration.ofDays(30));
        assertThat(shop.storageLocation()).isEqualTo("default");
        assertThat(shop.rpoObjective()).isEqualTo(Duration.ofMinutes(15));
        assertThat(shop.scheduleName()).isEqualTo("pra-shop");
        assertThat(groups.findBySchedule("pra-shop")).contains(shop);
        assertThat(groups.sitesInUse()).containsExactly("a", "b");
        assertThat(groups.policy(shop).warningThreshold()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void readsALabelSelectorGroup() {
        ProtectionGroup web = groups(Map.of(
                "pra.backup.groups.web.label-selector", "app=web, tier=front",
                "pra.backup.groups.web.schedule", "@every 5m",
                "pra.backup.groups.web.ttl", "72h")).find("web").orElseThrow();

        assertThat(web.labelSelector()).containsEntry("app", "web").containsEntry("tier", "front");
        assertThat(web.namespaces()).isEmpty();
        assertThat(web.ttl()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void namesEveryFaultySetting() {
        assertThatThrownBy(() -> groups(Map.of(
                "pra.backup.groups.shop.schedule", "*/5 * * * *",
                "pra.backup.groups.shop.ttl", "a month",
                "pra.backup.groups.shop.peer-sites", "c",
                "pra.backup.rpo.warning-fraction", "1.5")))
                .hasMessageContaining("pra.backup.groups.shop.namespaces or pra.backup.groups.shop.label-selector")
                .hasMessageContaining("pra.backup.groups.shop.ttl")
                .hasMessageContaining("pra.backup.sites.c is not configured")
                .hasMessageContaining("pra.backup.rpo.warning-fraction");
    }

    @Test
    void refusesAGroupNameThatCannotNameASchedule() {
        assertThatThrownBy(() -> groups(Map.of(
                "pra.backup.groups.Shop_1.namespaces", "shop",
                "pra.backup.groups.Shop_1.schedule", "@every 5m")))
                .hasMessageContaining("pra.backup.groups.Shop_1");
    }

    @Test
    void noGroupsIsAValidConfiguration() {
        assertThat(groups(Map.of()).all()).isEmpty();
    }

    private static ProtectionGroups groups(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        for (String site : List.of("a", "b")) {
            all.put("pra.backup.sites." + site + ".url", "http://127.0.0.1:1");
            all.put("pra.backup.sites." + site + ".token", "fake");
        }
        BackupConfig config = new SmallRyeConfigBuilder()
                .withMapping(BackupConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build()
                .getConfigMapping(BackupConfig.class);
        return new ProtectionGroups(config);
    }
}
