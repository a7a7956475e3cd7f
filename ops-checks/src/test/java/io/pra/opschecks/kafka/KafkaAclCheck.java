package io.pra.opschecks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;

/**
 * Least privilege for one Strimzi {@code KafkaUser}, both ways: every permission its clients need is granted, asked of
 * Kafka's own KRaft authorizer ({@link StandardAuthorizer}, what Strimzi's {@code simple} authorization runs, so
 * implied operations, prefixes and deny rules count as the broker counts them), and every operation it is granted is
 * needed by one of its clients. Names that grant everything ({@code All}, a {@code *} resource, an empty prefix) are
 * refused outright.
 */
public final class KafkaAclCheck {

    private KafkaAclCheck() {
    }

    /** What is wrong with {@code kafkaUser}'s ACLs for the clients that log in as it; empty when they are exactly right. */
    public static List<String> check(JsonNode kafkaUser, Collection<KafkaClient> clients) {
        String user = kafkaUser.path("metadata").path("name").asText();
        List<StandardAcl> acls = acls(kafkaUser);
        List<String> findings = new ArrayList<>();
        if (clients.isEmpty()) {
            findings.add("User:" + user + " is a KafkaUser no deployed client logs in as");
        }
        try (Metrics metrics = new Metrics(); StandardAuthorizer authorizer = authorizer(acls, metrics)) {
            AuthorizableRequestContext context = context(user);
            for (KafkaClient client : clients) {
                for (KafkaNeed need : client.needs()) {
                    if (!allowed(authorizer, context, need)) {
                        findings.add("User:" + user + " lacks " + need + ", which " + client + " needs");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StandardAcl acl : acls) {
            if (acl.permissionType() != AclPermissionType.ALLOW) {
                continue;
            }
            String grant = "User:" + user + " is granted " + describe(acl);
            if (acl.operation() == AclOperation.ALL || acl.resourceName().equals(ResourcePattern.WILDCARD_RESOURCE)
                    || acl.resourceName().isEmpty()) {
                findings.add(grant + ": too broad, name the operations and resources its clients need");
            } else if (clients.stream().flatMap(c -> c.needs().stream()).noneMatch(need -> uses(need, acl, acls))) {
                findings.add(grant + ", which none of its clients needs (" + clients.stream().map(KafkaClient::toString)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return findings;
    }

    /** The Kafka ACLs Strimzi's User Operator makes of a KafkaUser with {@code simple} authorization. */
    public static List<StandardAcl> acls(JsonNode kafkaUser) {
        String principal = KafkaPrincipal.USER_TYPE + ":" + kafkaUser.path("metadata").path("name").asText();
        List<StandardAcl> acls = new ArrayList<>();
        for (JsonNode rule : kafkaUser.path("spec").path("authorization").path("acls")) {
            JsonNode resource = rule.path("resource");
            ResourceType type = ResourceType.valueOf(constant(resource.path("type").asText()));
            String name = type == ResourceType.CLUSTER ? KafkaNeed.CLUSTER_NAME : resource.path("name").asText();
            PatternType pattern = "prefix".equals(resource.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL;
            AclPermissionType permission = "deny".equals(rule.path("type").asText("allow")) ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            for (JsonNode operation : rule.path("operations")) {
                acls.add(new StandardAcl(type, name, pattern, principal, rule.path("host").asText("*"),
                        AclOperation.valueOf(constant(operation.asText())), permission));
            }
        }
        return acls;
    }

    private static boolean allowed(StandardAuthorizer authorizer, AuthorizableRequestContext context, KafkaNeed need) {
        // A name made up at run time from a prefix: one no literal ACL could name.
        String name = need.anyWithPrefix() ? need.name() + "ops-check-" + UUID.randomUUID() : need.name();
        Action action = new Action(need.operation(), new ResourcePattern(need.type(), name, PatternType.LITERAL), 1, false, false);
        if (authorizer.authorize(context, List.of(action)).get(0) == AuthorizationResult.ALLOWED) {
            return true;
        }
        // The broker's InitProducerId: IdempotentWrite on the cluster, or else Write on any topic (KIP-679).
        return need.isInitProducerId()
                && authorizer.authorizeByResourceType(context, AclOperation.WRITE, ResourceType.TOPIC) == AuthorizationResult.ALLOWED;
    }

    /** True when the grant {@code acl} is what lets the client do {@code need}. */
    private static boolean uses(KafkaNeed need, StandardAcl acl, List<StandardAcl> acls) {
        if (need.type() != acl.resourceType() || need.operation() != acl.operation() || !matches(acl, need)) {
            return false;
        }
        // IdempotentWrite on the cluster serves only a producer that writes no topic (Write on a topic already lets
        // an idempotent producer start).
        return !need.isInitProducerId() || acls.stream().noneMatch(other -> other.permissionType() == AclPermissionType.ALLOW
                && other.resourceType() == ResourceType.TOPIC && other.operation() == AclOperation.WRITE);
    }

    private static boolean matches(StandardAcl acl, KafkaNeed need) {
        if (acl.patternType() == PatternType.PREFIXED) {
            return need.name().startsWith(acl.resourceName());
        }
        return !need.anyWithPrefix() && acl.resourceName().equals(need.name());
    }

    private static StandardAuthorizer authorizer(List<StandardAcl> acls, Metrics metrics) {
        StandardAuthorizer authorizer = new StandardAuthorizer();
        authorizer.configure(Map.of());
        // The broker gives its authorizer metrics to record into; it records nothing the check reads.
        authorizer.withPluginMetrics(new PluginMetricsImpl(metrics, Map.of()));
        acls.forEach(acl -> authorizer.addAcl(Uuid.randomUuid(), acl));
        authorizer.completeInitialLoad();
        return authorizer;
    }

    private static AuthorizableRequestContext context(String user) {
        KafkaPrincipal principal = new KafkaPrincipal(KafkaPrincipal.USER_TYPE, user);
        return new AuthorizableRequestContext() {
            @Override
            public String listenerName() {
                return "TLS-9093";
            }

            @Override
            public SecurityProtocol securityProtocol() {
                return SecurityProtocol.SASL_SSL;
            }

            @Override
            public KafkaPrincipal principal() {
                return principal;
            }

            @Override
            public InetAddress clientAddress() {
                return InetAddress.getLoopbackAddress();
            }

            @Override
            public int requestType() {
                return 0;
            }

            @Override
            public int requestVersion() {
                return 0;
            }

            @Override
            public String clientId() {
                return "pra-ops-checks";
            }

            @Override
            public int correlationId() {
                return 0;
            }
        };
    }

    private static String describe(StandardAcl acl) {
        String pattern = acl.patternType() == PatternType.PREFIXED ? " (prefix)" : "";
        return acl.operation() + " on " + acl.resourceType() + " '" + acl.resourceName() + "'" + pattern;
    }

    /** Strimzi's names ({@code IdempotentWrite}, {@code transactionalId}) as Kafka's constants ({@code IDEMPOTENT_WRITE}). */
    static String constant(String strimziName) {
        return strimziName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
