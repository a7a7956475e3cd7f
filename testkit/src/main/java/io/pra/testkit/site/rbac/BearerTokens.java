package io.pra.testkit.site.rbac;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens one fake site accepts: an admin token for the test kit's own client, and one token per ServiceAccount,
 * issued on first request. Tokens are random, so a client can only present one the site handed out.
 */
public final class BearerTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String siteId;
    private final Map<String, UserInfo> users = new ConcurrentHashMap<>();
    private final Map<ServiceAccount, String> issued = new ConcurrentHashMap<>();
    private final String admin;

    public BearerTokens(String siteId) {
        this.siteId = siteId;
        this.admin = random("admin");
        users.put(admin, UserInfo.ADMIN);
    }

    /** The token of the test kit's own identity ({@link UserInfo#ADMIN}, cluster-admin). */
    public String admin() {
        return admin;
    }

    /** The token of {@code account}: the same one every time for one site. */
    public String issue(ServiceAccount account) {
        return issued.computeIfAbsent(account, a -> {
            String token = random(a.namespace() + "-" + a.name());
            users.put(token, a.user());
            return token;
        });
    }

    /** The user of an {@code Authorization} header's bearer token; empty when absent, malformed or unknown. */
    public Optional<UserInfo> authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String[] parts = authorizationHeader.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.get(parts[1].trim()));
    }

    private String random(String who) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "fake-site-" + siteId + "-" + who + "-" + HexFormat.of().formatHex(bytes);
    }
}
