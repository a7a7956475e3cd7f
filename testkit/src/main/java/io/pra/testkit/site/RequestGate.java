package io.pra.testkit.site;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pra.testkit.site.rbac.AuthorizationLog;
import io.pra.testkit.site.rbac.BearerTokens;
import io.pra.testkit.site.rbac.Decision;
import io.pra.testkit.site.rbac.RbacAuthorizer;
import io.pra.testkit.site.rbac.RequestAttributes;
import io.pra.testkit.site.rbac.UserInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the API server does with a request before the store sees it, in its order: authentication (bearer token,
 * else 401), RBAC authorization (else 403, every decision logged), a test's own checks ({@link RequestValidator}),
 * and the parts of the API the mock store lacks: custom resources served as their installed CRDs say (served
 * versions, subresources, structural schema: {@link CustomResourceRequests}), the {@code scale} subresource of
 * workloads and the namespace controller's cascade. Authentication and authorization are off until {@link #enforce}
 * gives a policy; custom resources are always checked.
 */
final class RequestGate extends Dispatcher {

    private static final Set<String> WRITES = Set.of("create", "update", "patch");

    private final StoreCalls store;
    private final BearerTokens tokens;
    private final AuthorizationLog log;
    private final ScaleSubresource scale;
    private final NamespaceCascade namespaces;
    private final InstalledDefinitions definitions;
    private final CustomResourceRequests customResources;
    private volatile RbacAuthorizer authorizer;
    private volatile RequestValidator validator = RequestValidator.ACCEPT_ALL;

    RequestGate(Dispatcher store, BearerTokens tokens, AuthorizationLog log, SchemaLog schemaLog) {
        this.store = new StoreCalls(store);
        this.tokens = tokens;
        this.log = log;
        this.scale = new ScaleSubresource(this.store);
        this.namespaces = new NamespaceCascade(this.store);
        this.definitions = new InstalledDefinitions(this.store);
        this.customResources = new CustomResourceRequests(this.store, definitions, schemaLog);
    }

    void enforce(RbacAuthorizer value) {
        authorizer = Objects.requireNonNull(value);
    }

    boolean enforcing() {
        return authorizer != null;
    }

    void validator(RequestValidator value) {
        validator = Objects.requireNonNull(value);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        RequestAttributes attributes = RequestAttributes.of(request.getMethod(), request.getPath());
        String user = "";
        RbacAuthorizer rbac = authorizer;
        if (rbac != null) {
            Optional<UserInfo> authenticated = tokens.authenticate(request.getHeader("Authorization"));
            if (authenticated.isEmpty()) {
                return StoreCalls.json(401, ApiStatus.unauthorized());
            }
            Decision decision = rbac.authorize(authenticated.get(), attributes);
            log.record(decision);
            if (!decision.allowed()) {
                return StoreCalls.json(403, ApiStatus.forbidden(authenticated.get(), attributes));
            }
            user = authenticated.get().name();
        }
        if (attributes.resourceRequest() && WRITES.contains(attributes.verb())) {
            ApiRequest checked = new ApiRequest(attributes, user,
                    Objects.requireNonNullElse(request.getHeader("Content-Type"), ""), StoreCalls.body(request),
                    () -> stored(attributes));
            Optional<ApiRefusal> refusal = validator.validate(checked);
            if (refusal.isPresent()) {
                return StoreCalls.json(refusal.get().code(), refusal.get().statusBody());
            }
        }
        if (ScaleSubresource.handles(attributes)) {
            return scale.dispatch(request, attributes);
        }
        if (NamespaceCascade.handles(attributes)) {
            return namespaces.delete(request, attributes);
        }
        Optional<MockResponse> unserved = customResources.unservedDiscovery(attributes);
        if (unserved.isPresent()) {
            return unserved.get();
        }
        MockResponse response = customResources.handles(attributes) ? customResources.dispatch(request, attributes, user)
                : store.forward(request);
        if (InstalledDefinitions.isDefinitionWrite(attributes)) {
            definitions.written(attributes, response);
        }
        namespaces.learn(attributes, response);
        return response;
    }

    /** The stored object a named request is about (its parent object for a subresource). */
    private Optional<String> stored(RequestAttributes attributes) {
        if (attributes.name().isEmpty()) {
            return Optional.empty();
        }
        String path = attributes.subresource().isEmpty() ? attributes.path()
                : attributes.path().substring(0, attributes.path().lastIndexOf("/" + attributes.subresource()));
        MockResponse response = store.get(path);
        return response.code() == 200 ? Optional.of(StoreCalls.body(response)) : Optional.empty();
    }

    @Override
    public void shutdown() {
        // The store outlives every restart of the HTTP server (see OutageSwitch).
    }
}
