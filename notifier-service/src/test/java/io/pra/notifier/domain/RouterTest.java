package io.pra.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.events.health.Severity;

class RouterTest {

    private final Router router = new Router(List.of(
            new RoutingRule(List.of("pra.failover.*", "pra.site.down"), List.of(), List.of(), List.of("slack", "email")),
            new RoutingRule(List.of(), List.of("a"), List.of(Severity.CRITICAL), List.of("pager", "slack")),
            new RoutingRule(List.of("pra.*.completed"), List.of("b"), List.of(), List.of("audit"))), "ops");

    @Test
    void wildcardsMatchAnyRunOfCharacters() {
        assertThat(router.route("pra.failover.completed", "c", Severity.CRITICAL).channels())
                .containsExactly("slack", "email");
        assertThat(router.route("pra.drill.completed", "b", Severity.WARNING).channels()).containsExactly("audit");
        assertThat(router.route("pra.failover.completed", "b", Severity.CRITICAL).channels())
                .containsExactly("slack", "email", "audit");
    }

    @Test
    void everyMatchingRuleAddsItsChannelsOnce() {
        Router.Route route = router.route("pra.site.down", "a", Severity.CRITICAL);
        assertThat(route.channels()).containsExactly("slack", "email", "pager");
        assertThat(route.unrouted()).isFalse();
    }

    @Test
    void siteAndSeverityMustBothMatch() {
        assertThat(router.route("pra.health.degraded", "a", Severity.WARNING).unrouted()).isTrue();
        assertThat(router.route("pra.health.degraded", "b", Severity.CRITICAL).unrouted()).isTrue();
    }

    @Test
    void anEventNoRuleMatchesGoesToTheDefaultChannel() {
        Router.Route route = router.route("pra.backup.completed", "c", Severity.INFO);
        assertThat(route.channels()).containsExactly("ops");
        assertThat(route.unrouted()).isTrue();
    }

    @Test
    void aPatternIsNotARegularExpression() {
        RoutingRule rule = new RoutingRule(List.of("pra.site.down"), List.of(), List.of(), List.of("x"));
        assertThat(rule.matches("pra.site.down", "a", Severity.INFO)).isTrue();
        assertThat(rule.matches("praXsiteXdown", "a", Severity.INFO)).isFalse();
    }

    @Test
    void aRuleNeedsAChannelAndSeveritiesHaveNames() {
        assertThatThrownBy(() -> new RoutingRule(List.of(), List.of(), List.of(), List.of()))
                .hasMessageContaining("at least one channel");
        assertThat(RoutingRule.severity(" Critical")).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> RoutingRule.severity("urgent")).isInstanceOf(IllegalArgumentException.class);
    }
}
