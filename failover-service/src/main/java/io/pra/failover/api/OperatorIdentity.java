package io.pra.failover.api;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.pra.failover.domain.ApprovalPolicy;
import io.pra.failover.service.FailoverDecider;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Who is calling: the bearer token's {@code upn}, else {@code preferred_username}, else its
 * subject. The names PRA itself writes in the audit log ({@code system}, {@code quorum}) are
 * refused, so no token can act under them.
 */
@RequestScoped
public class OperatorIdentity {

    private static final Set<String> RESERVED = Set.of(ApprovalPolicy.SYSTEM_ACTOR, FailoverDecider.QUORUM_ACTOR);

    private final JsonWebToken token;

    OperatorIdentity(JsonWebToken token) {
        this.token = token;
    }

    public String name() {
        String name = firstPresent(token.getClaim("upn"), token.getClaim("preferred_username"), token.getSubject());
        if (name == null) {
            throw new UnauthorizedException("the token names no operator (upn, preferred_username or sub)");
        }
        if (RESERVED.contains(name)) {
            throw new ForbiddenException("operator name '" + name + "' is reserved for PRA itself");
        }
        return name;
    }

    private static String firstPresent(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
