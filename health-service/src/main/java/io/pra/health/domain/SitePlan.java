package io.pra.health.domain;

import java.util.List;

/**
 * One watched site, validated: its down rule and its checks.
 *
 * @param site   the site id
 * @param rule   when the site is DOWN
 * @param checks its checks
 */
public record SitePlan(String site, DownRule rule, List<CheckSpec> checks) {
}
