package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.pra.testkit.site.rbac.AuthorizationLog;
import io.pra.testkit.site.rbac.BearerTokens;
import io.pra.testkit.site.rbac.DecisionFiles;
import io.pra.testkit.site.rbac.RbacAuthorizer;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.velero.Velero;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Kubernetes site for tests and drills: a fabric8 mock API server in CRUD mode on a random loopback port,
 * serving Velero's and ExternalDNS's custom resources besides the built-in kinds, with injectable outages. With
 * {@link #enforce(RbacPolicy)} it authenticates bearer tokens and authorizes every request as Kubernetes RBAC would.
 */
public final class FakeSite implements AutoCloseable {

    /** The mock server logs every request at INFO: far too loud for a drill that runs for minutes. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.fabric8.mockwebserver"));

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final String id;
    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
    private final BearerTokens tokens;
    private final AuthorizationLog authorizations = new AuthorizationLog();
    private final SchemaLog schemaLog;
    private final RequestGate gate;
    private final OutageSwitch outageSwitch;
    private KubernetesMockServer server;
    private int port;
    private boolean seeded;
    private OutageKind outage;
    private KubernetesClient sharedClient;
    private boolean closed;

    private FakeSite(String id) {
        if (id == null || !id.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("site id must be a DNS label, got: " + id);
        }
        this.id = id;
        this.tokens = new BearerTokens(id);
        this.schemaLog = new SchemaLog(id);
        // One dispatcher for the whole life of the site: it is the store, so data survives outages and restarts.
        this.gate = new RequestGate(new KubernetesMixedDispatcher(expectations), tokens, authorizations,
                schemaLog);
        this.outageSwitch = new OutageSwitch(gate, id);
    }

    /** A site that is not serving yet; call {@link #start()}. */
    public static FakeSite create(String id) {
        return new FakeSite(id);
    }

    /** Creates and starts a site on a random port. */
    public static FakeSite start(String id) {
        return create(id).start();
    }

    /** Starts serving on a random free port (or on the port it had, after {@link #stop()}). */
    public FakeSite start() {
        return start(port);
    }

    /** Starts serving on the given port (0 picks a free one); the first start seeds CRDs, namespaces and nodes. */
    public synchronized FakeSite start(int requestedPort) {
        ensureOpen();
        if (server != null) {
            throw new IllegalStateException("site " + id + " is already serving on port " + port);
        }
        startServer(requestedPort);
        outage = null;
        if (!seeded) {
            try (KubernetesClient client = newClient()) {
                ClusterSeed.seed(client, id, Instant.now().toString());
            }
            seeded = true;
        }
        return this;
    }

    public String id() {
        return id;
    }

    /** The port, stable across outages and restarts once the site has started. */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /** Base URL of the Kubernetes API, e.g. {@code http://127.0.0.1:40123}. */
    public synchronized String url() {
        requireStarted();
        return "http://127.0.0.1:" + port;
    }

    /**
     * Switches authentication and RBAC on: from now on a request needs a token this site issued, and is allowed only
     * when a rule of {@code policy} or of {@link RbacPolicy#kubernetesDefaults()} allows it; decisions are logged in
     * {@link #authorizations()}. The test kit's own identity ({@link #token()}) is cluster-admin.
     */
    public FakeSite enforce(RbacPolicy policy) {
        gate.enforce(new RbacAuthorizer(RbacPolicy.kubernetesDefaults().with(policy)));
        return this;
    }

    /** Whether the site authenticates and authorizes requests. */
    public boolean enforcing() {
        return gate.enforcing();
    }

    /** Every authorization decision taken since the site was created (none unless it enforces RBAC). */
    public AuthorizationLog authorizations() {
        return authorizations;
    }

    /**
     * The custom resource writes this site refused or stored with unknown fields pruned, as its CRDs' schemas
     * decided (always checked, enforcing or not).
     */
    public SchemaLog schemaLog() {
        return schemaLog;
    }

    /** Checks authorized writes before they are stored (a CRD schema validator, say); the default accepts all. */
    public void validateRequests(RequestValidator validator) {
        gate.validator(validator);
    }

    /**
     * The test kit's own bearer token: cluster-admin ({@code system:masters}), for set-up, fixtures and the Velero
     * simulator. A service under test is given {@link #token(ServiceAccount)} instead.
     */
    public String token() {
        return tokens.admin();
    }

    /** The bearer token of {@code account} on this site; the same one every time. */
    public String token(ServiceAccount account) {
        return tokens.issue(account);
    }

    /** Client settings for this site: short timeouts and quick watch reconnects so outages are noticed fast. */
    public Config clientConfig(String namespace) {
        return clientConfig(namespace, token());
    }

    /** Client settings as {@code account}. */
    public Config clientConfig(String namespace, ServiceAccount account) {
        return clientConfig(namespace, token(account));
    }

    private Config clientConfig(String namespace, String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace(namespace)
                .withOauthToken(token)
                .withHttp2Disable(true)
                .withConnectionTimeout(2_000)
                .withRequestTimeout(10_000)
                .withWatchReconnectInterval(200)
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(100)
                .build();
    }

    /** A client owned by the site (closed with it), defaulting to the Velero namespace. */
    public synchronized KubernetesClient client() {
        ensureOpen();
        if (sharedClient == null) {
            sharedClient = newClient();
        }
        return sharedClient;
    }

    /** A new client the caller owns and must close, as the test kit's admin. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(clientConfig(Velero.DEFAULT_NAMESPACE)).build();
    }

    /** A new client the caller owns and must close, as {@code account}. */
    public KubernetesClient newClient(ServiceAccount account) {
        return new KubernetesClientBuilder().withConfig(clientConfig(Velero.DEFAULT_NAMESPACE, account)).build();
    }

    /** Writes a kubeconfig with one context named {@code site-<id>} and the admin token, for another process. */
    public Path writeKubeconfig(Path file) {
        return Kubeconfig.write(file, id, url(), Velero.DEFAULT_NAMESPACE, token());
    }

    /** Writes a kubeconfig with one context named {@code site-<id>} and {@code account}'s token, for a service. */
    public Path writeKubeconfig(Path file, ServiceAccount account) {
        return Kubeconfig.write(file, id, url(), Velero.DEFAULT_NAMESPACE, token(account));
    }

    /** Serves one more custom resource kind (creates its CRD, so discovery and generic clients find it). */
    public void registerCustomResource(CustomResourceDefinitionContext kind, boolean statusSubresource) {
        CustomResourceDefinition crd = CustomResources.definition(kind, statusSubresource);
        client().apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
    }

    /** Starts an outage; data is kept and {@link #recover()} serves it again on the same port. */
    public synchronized void outage(OutageKind kind) {
        ensureOpen();
        requireStarted();
        // Every outage first drops the server, so open watches and keep-alive connections break as they would.
        stopServer();
        if (kind == OutageKind.UNAVAILABLE) {
            outageSwitch.unavailable(true);
            startServer(port);
        }
        outage = kind;
    }

    /** Ends the outage: the site answers again on the same port with the same objects. */
    public synchronized void recover() {
        ensureOpen();
        requireStarted();
        outageSwitch.unavailable(false);
        if (server == null) {
            startServer(port);
        }
        outage = null;
    }

    /** The outage in force, if any. */
    public synchronized Optional<OutageKind> currentOutage() {
        return Optional.ofNullable(outage);
    }

    /** True when the API answers normally. */
    public synchronized boolean isServing() {
        return server != null && outage == null;
    }

    /** Stops serving but keeps the data; {@link #start()} serves it again on the same port. */
    public synchronized void stop() {
        stopServer();
        outageSwitch.unavailable(false);
        outage = null;
    }

    /**
     * Stops serving and closes the site's own client; the site cannot be started again. A site that enforced RBAC
     * writes its decisions to the directory {@link DecisionFiles#DIRECTORY_PROPERTY} names, when set.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sharedClient != null) {
            sharedClient.close();
            sharedClient = null;
        }
        stopServer();
        if (enforcing()) {
            DecisionFiles.configuredDirectory().ifPresent(dir -> DecisionFiles.write(dir, id, authorizations));
        }
    }

    @Override
    public String toString() {
        return "FakeSite[" + id + (port == 0 ? "" : " @ 127.0.0.1:" + port) + "]";
    }

    private void startServer(int requestedPort) {
        expectations.clear();
        RuntimeException lastFailure = null;
        // Right after an outage the old listener may still be releasing the port: retry briefly rather than move.
        for (int attempt = 0; attempt < 50; attempt++) {
            KubernetesMockServer candidate = new KubernetesMockServer(new Context(), new MockWebServer(),
                    expectations, outageSwitch, false);
            try {
                candidate.start(InetAddress.getLoopbackAddress(), requestedPort);
                server = candidate;
                port = candidate.getPort();
                for (String probe : List.of("/readyz", "/livez", "/healthz")) {
                    candidate.expect().get().withPath(probe).andReturn(200, "ok").always();
                }
                return;
            } catch (RuntimeException e) {
                lastFailure = e;
                candidate.shutdown();
                if (requestedPort == 0) {
                    break;
                }
                pause();
            }
        }
        throw new IllegalStateException("site " + id + " cannot listen on port " + requestedPort, lastFailure);
    }

    private void stopServer() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the port", e);
        }
    }

    private void requireStarted() {
        if (port == 0) {
            throw new IllegalStateException("site " + id + " has not been started");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("site " + id + " is closed");
        }
    }
}
