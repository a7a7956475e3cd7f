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
 * serving Velero's and ExternalDNS's custom resources besides the built-in kinds, with injectable outages.
 */
public final class FakeSite implements AutoCloseable {

    /** The mock server logs every request at INFO: far too loud for a drill that runs for minutes. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.fabric8.mockwebserver"));

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final String id;
    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
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
        // One dispatcher for the whole life of the site: it is the store, so data survives outages and restarts.
        this.outageSwitch = new OutageSwitch(new KubernetesMixedDispatcher(expectations), id);
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

    /** Bearer token to present; the fake server accepts any, but services must be configured with one. */
    public String token() {
        return "fake-token-site-" + id;
    }

    /** Client settings for this site: short timeouts and quick watch reconnects so outages are noticed fast. */
    public Config clientConfig(String namespace) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace(namespace)
                .withOauthToken(token())
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

    /** A new client the caller owns and must close. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(clientConfig(Velero.DEFAULT_NAMESPACE)).build();
    }

    /** Writes a kubeconfig with one context named {@code site-<id>}, so another process can reach this site. */
    public Path writeKubeconfig(Path file) {
        return Kubeconfig.write(file, id, url(), Velero.DEFAULT_NAMESPACE, token());
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

    /** Stops serving and closes the site's own client; the site cannot be started again. */
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
