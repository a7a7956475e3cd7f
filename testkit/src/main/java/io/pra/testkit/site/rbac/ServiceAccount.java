package io.pra.testkit.site.rbac;

import java.util.List;

/**
 * A Kubernetes ServiceAccount, the identity a PRA service presents to a site's API; the constants are the accounts
 * {@code deploy/base/rbac/service-accounts.yaml} creates.
 */
public record ServiceAccount(String namespace, String name) {

    public static final String PRA_NAMESPACE = "pra";
    public static final ServiceAccount BACKUP_SERVICE = new ServiceAccount(PRA_NAMESPACE, "backup-service");
    public static final ServiceAccount FAILOVER_SERVICE = new ServiceAccount(PRA_NAMESPACE, "failover-service");
    public static final ServiceAccount HEALTH_SERVICE = new ServiceAccount(PRA_NAMESPACE, "health-service");

    /** The accounts of the services that call a site's API (notifier-service never does). */
    public static final List<ServiceAccount> PRA_SERVICES = List.of(BACKUP_SERVICE, FAILOVER_SERVICE, HEALTH_SERVICE);

    private static final String PREFIX = "system:serviceaccount:";

    public ServiceAccount {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a ServiceAccount needs a namespace and a name");
        }
    }

    /** {@code system:serviceaccount:<namespace>:<name>}, the user name the API server gives its tokens. */
    public String username() {
        return PREFIX + namespace + ":" + name;
    }

    /** The authenticated user of this account's tokens, with the groups the API server adds. */
    public UserInfo user() {
        return new UserInfo(username(), List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace,
                UserInfo.AUTHENTICATED));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
