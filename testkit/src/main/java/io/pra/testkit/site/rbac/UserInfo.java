package io.pra.testkit.site.rbac;

import java.util.List;
import java.util.Objects;

/**
 * Who a request comes from once its bearer token is authenticated, as the API server's {@code user.Info} has it:
 * a user name and its groups.
 */
public record UserInfo(String name, List<String> groups) {

    /** Every authenticated user is in this group; Kubernetes' default discovery roles are bound to it. */
    public static final String AUTHENTICATED = "system:authenticated";
    /** Members of this group are cluster-admin ({@code cluster-admin} is bound to it by default). */
    public static final String MASTERS = "system:masters";

    /** The test kit's own identity: set-up, fixtures, the Velero simulator. */
    public static final UserInfo ADMIN = new UserInfo("pra-testkit:admin", List.of(MASTERS, AUTHENTICATED));

    public UserInfo {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
    }
}
