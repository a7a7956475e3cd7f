package io.pra.cli.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a timeline step does, with the fields each action accepts besides {@code at} and {@code do}. */
public enum Action {
    BACKUP("backup", Set.of("group")),
    OUTAGE("outage", Set.of("site", "kind", "period")),
    RECOVER("recover", Set.of("site")),
    PARTITION("partition", Set.of("observer", "service")),
    HEAL("heal", Set.of("observer", "service")),
    SKEW("skew", Set.of("observer", "by")),
    KILL("kill", Set.of("service", "observer")),
    START("start", Set.of("service", "observer")),
    RESTART("restart", Set.of("service", "observer")),
    BROKER_RESTART("broker-restart", Set.of("down")),
    DB_RESTART("db-restart", Set.of("down")),
    FAIL_BACKUPS("fail-backups", Set.of("count")),
    RESTORE_FAULT("restore-fault", Set.of("kind", "count")),
    MODE("mode", Set.of("site", "mode", "by", "reason")),
    FAILOVER("failover", Set.of("site", "by", "reason")),
    APPROVE("approve", Set.of("by", "comment")),
    ABORT("abort", Set.of("by", "reason")),
    DRILL("drill", Set.of("site")),
    WAIT("wait", Set.of("event", "phase", "for", "timeout")),
    /** An observer (or every observer of a failure domain) can no longer reach a site's API; others still can. */
    LINK_CUT("link-cut", Set.of("observer", "domain", "site")),
    /** Undoes {@link #LINK_CUT}. */
    LINK_HEAL("link-heal", Set.of("observer", "domain", "site")),
    /** Publishes a vote no observer cast, claiming to come from {@code as}, unsigned or signed with another key. */
    FORGE_VOTE("forge-vote", Set.of("as", "site", "state", "signer", "sequence")),
    /** Publishes again, byte for byte, the votes the drill saw on pra.health between two drill times. */
    REPLAY_VOTES("replay-votes", Set.of("from", "to"));

    private final String keyword;
    private final Set<String> fields;

    Action(String keyword, Set<String> fields) {
        this.keyword = keyword;
        this.fields = fields;
    }

    public String keyword() {
        return keyword;
    }

    /** Fields this action accepts besides {@code at} and {@code do}. */
    public Set<String> fields() {
        return fields;
    }

    public static Optional<Action> find(String keyword) {
        return Arrays.stream(values()).filter(a -> a.keyword.equals(keyword)).findFirst();
    }

    /** The keywords, for error messages. */
    public static String keywords() {
        return String.join(", ", Arrays.stream(values()).map(Action::keyword).toList());
    }
}
