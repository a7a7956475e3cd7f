package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.pra.cli.scenario.DrillTopology;
import io.pra.cli.scenario.Scenario;
import io.pra.events.Topics;
import io.pra.events.signing.SigningKeys;
import io.pra.testkit.db.Database;
import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.launch.SigningKeyFiles;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;

/**
 * Everything a drill runs: broker (with one proxy per service), PostgreSQL, sites A and B, the sinks and the
 * service processes. {@link #close()} stops all of it, whatever started.
 */
final class DrillEnvironment implements AutoCloseable {

    private static final Duration READY_BOUND = Duration.ofSeconds(240);
    /** What health-service logs when an observer votes a site down (SiteWatch). */
    private static final String SITE_DOWN_LOG = "site down site=";
    /** One thread per process when stopping them: the common pool has a single worker on two cores. */
    private static final java.util.concurrent.Executor CLOSER = task -> new Thread(task, "drill-stop").start();

    private final Scenario scenario;
    private final Path root;
    private final Path runDir;
    private final Progress progress;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Map<String, BrokerProxy> proxies = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Duration> clockOffsets = new LinkedHashMap<>();
    private final Map<String, SigningKeyFiles> observerKeys = new LinkedHashMap<>();
    private DrillBroker broker;
    private PostgresServer postgres;
    private DrillSites sites;
    private SiteBLedger siteB;
    private SlackSink slack;
    private SmtpSink smtp;
    private OperatorTokens tokens;
    private ServiceLaunches launches;
    private volatile boolean closed;

    DrillEnvironment(Scenario scenario, Path root, Path runDir, Progress progress) {
        this.scenario = scenario;
        this.root = root;
        this.runDir = runDir;
        this.progress = progress;
        clockOffsets.putAll(scenario.settings().clockSkew());
    }

    /** Checks that the service jars are built; a missing one is a start-up failure naming the fix. */
    static void requireJars(Path root) {
        for (String module : List.of("backup-service", "health-service", "failover-service", "notifier-service")) {
            Path jar = ServiceLaunches.jar(root, module);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run ./pra (it builds what is missing) or "
                        + "./mvnw -B -ntp -pl " + module + " -am -DskipTests package");
            }
        }
    }

    /** Starts everything; {@code afterBroker} runs as soon as the broker answers (the event feed). */
    void start(Runnable afterBroker) {
        requireJars(root);
        // Sites, sinks, database and broker do not depend on each other: start them side by side.
        CompletableFuture<DrillSites> sitesStart = CompletableFuture.supplyAsync(() -> new DrillSites(scenario.settings()));
        CompletableFuture<SlackSink> slackStart = CompletableFuture.supplyAsync(SlackSink::start);
        CompletableFuture<SmtpSink> smtpStart = CompletableFuture.supplyAsync(SmtpSink::start);
        CompletableFuture<PostgresServer> postgresStart = CompletableFuture.supplyAsync(PostgresServer::fromEnvironment);
        // Wait for all four before judging any, so a part that started is closed even when another failed.
        CompletableFuture.allOf(sitesStart, slackStart, smtpStart, postgresStart).exceptionally(e -> null).join();
        List<RuntimeException> failures = new ArrayList<>();
        slack = await(slackStart, "the Slack sink", failures);
        smtp = await(smtpStart, "the SMTP sink", failures);
        postgres = await(postgresStart, "PostgreSQL", failures);
        sites = await(sitesStart, "the fake sites", failures);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        progress.line("SETUP     sites a and b serving (" + sites.a().url() + ", " + sites.b().url()
                + "), sample app on a: 3 Deployments in shop and billing, DNSEndpoint "
                + DrillSites.APP_HOST + " -> site a");
        siteB = closing(new SiteBLedger(sites.b()));
        progress.line("SETUP     Slack sink " + slack.baseUrl() + ", SMTP sink 127.0.0.1:" + smtp.port());
        Database backupDb = postgres.createDatabase("pra_backup");
        Database failoverDb = postgres.createDatabase("pra_failover");
        Database notifierDb = postgres.createDatabase("pra_notifier");
        progress.line("SETUP     PostgreSQL: " + postgres.description() + " (one database per service)");

        broker = closing(new DrillBroker());
        for (String name : DrillTopology.processNames(scenario.settings().failoverReplicas())) {
            int proxyPort = LoopbackPorts.free();
            int listenerPort = broker.addServiceListener(name, proxyPort);
            proxies.put(name, closing(new BrokerProxy(name, proxyPort, listenerPort)));
        }
        broker.start();
        proxies.values().forEach(BrokerProxy::start);
        createTopics();
        afterBroker.run();
        progress.line("SETUP     Kafka broker " + broker.bootstrapServers() + " (in this process), one proxy per "
                + "service");

        tokens = new OperatorTokens();
        Path publicKey = tokens.writePublicKey(runDir.resolve("operator-jwt-public.pem"));
        launches = new ServiceLaunches(scenario, root, runDir, sites);
        for (String observer : DrillTopology.OBSERVER_ORDER) {
            observerKeys.put(observer, writeObserverKeys(observer));
            register(launches.observer(observer, LoopbackPorts.free(), bootstrap(observer),
                    clockOffsets.getOrDefault(observer, Duration.ZERO), observerKeys.get(observer)));
        }
        register(launches.backup(LoopbackPorts.free(), bootstrap(DrillTopology.BACKUP), backupDb));
        ServiceProcess failover = register(launches.failover(DrillTopology.FAILOVER, LoopbackPorts.free(),
                bootstrap(DrillTopology.FAILOVER), failoverDb, publicKey, observerPublicKeys()));
        if (scenario.settings().failoverReplicas() > 1) {
            register(launches.failover(DrillTopology.FAILOVER_2, LoopbackPorts.free(),
                    bootstrap(DrillTopology.FAILOVER_2), failoverDb, publicKey, observerPublicKeys()));
        }
        register(launches.notifier(LoopbackPorts.free(), bootstrap(DrillTopology.NOTIFIER), notifierDb,
                slack.webhookUrl("T0DRILL/B0DRILL/drill"), smtp.host(), smtp.port(), failover.baseUrl()));
        List<ServiceProcess> services = processes.values().stream()
                .filter(p -> !DrillTopology.OBSERVERS.contains(p.name())).toList();
        List<ServiceProcess> observers = processes.values().stream()
                .filter(p -> DrillTopology.OBSERVERS.contains(p.name())).toList();
        progress.line("SETUP     starting " + describe(services) + " and the observers " + describe(observers));
        // Every JVM boots at once, observers included, but the observers boot cut off from Kafka: probing while six
        // JVMs boot on a small machine times probes out, and those votes must not reach failover-service. Each
        // observer joins once the services are ready and it sees every site healthy twice in a row.
        observers.forEach(o -> proxies.get(o.name()).partition());
        processes.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        services.forEach(p -> ready.add(CompletableFuture.runAsync(() -> p.awaitReady(READY_BOUND))));
        observers.forEach(o -> ready.add(CompletableFuture.runAsync(() -> awaitCleanObserver(o))));
        joinAll(ready);
        observers.forEach(o -> proxies.get(o.name()).heal());
        joinAll(observers.stream().map(o -> CompletableFuture.runAsync(() -> o.awaitReady(READY_BOUND))).toList());
        processes.values().forEach(p -> progress.line("SETUP     " + p.name() + " ready on " + p.baseUrl()
                + " (pid " + p.pid() + ")"));
    }

    /**
     * Waits until an observer (still cut from Kafka) is steady. One that voted a site down while it booted holds
     * that vote in its producer's buffer and would publish it on heal: two such stale votes make a quorum. It is
     * restarted (the buffer dies with it) until it comes up without voting anything down.
     */
    private void awaitCleanObserver(ServiceProcess observer) {
        for (int attempt = 1; ; attempt++) {
            SteadyObserver.await(observer, READY_BOUND);
            if (!observer.loggedSinceStart(SITE_DOWN_LOG) || attempt == 3) {
                return;
            }
            progress.line("SETUP     " + observer.name() + " voted a site down while booting on a busy machine; "
                    + "restarting it before it joins Kafka");
            observer.kill();
            observer.start();
        }
    }

    /**
     * A fresh Ed25519 key pair for one observer, as PEM files in {@code <run dir>/observer-keys/} readable by their
     * owner only; the observer keeps it across restarts within the drill.
     */
    private SigningKeyFiles writeObserverKeys(String observer) {
        KeyPair pair = SigningKeys.generate();
        return SigningKeyFiles.write(runDir.resolve("observer-keys"), observer, SigningKeys.pem(pair.getPrivate()),
                SigningKeys.pem(pair.getPublic()));
    }

    /** Waits for one part and registers it for closing; a failed part names itself. */
    private <T extends AutoCloseable> T await(CompletableFuture<T> start, String what,
            List<RuntimeException> failures) {
        try {
            return closing(start.join());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failures.add(new IllegalStateException("cannot start " + what + ": " + cause.getMessage(), cause));
            return null;
        }
    }

    private static String describe(List<ServiceProcess> group) {
        return String.join(", ", group.stream().map(p -> p.name() + " (127.0.0.1:" + p.httpPort() + ")").toList());
    }

    private static void joinAll(List<CompletableFuture<Void>> waits) {
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private void createTopics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : List.of(Topics.BACKUP, Topics.HEALTH, Topics.FAILOVER)) {
            topics.put(topic, 1);
        }
        for (String service : List.of("failover-service", "notifier-service", "backup-service")) {
            topics.put(Topics.dlq(service), 1);
        }
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                broker.bootstrapServers()))) {
            admin.createTopics(topics.entrySet().stream()
                    .map(e -> new org.apache.kafka.clients.admin.NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the PRA topics: " + e.getMessage(), e);
        }
    }

    private String bootstrap(String name) {
        return "127.0.0.1:" + proxies.get(name).port();
    }

    private ServiceProcess register(ServiceProcess process) {
        processes.put(process.name(), process);
        return process;
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    Path runDir() {
        return runDir;
    }

    DrillBroker broker() {
        return broker;
    }

    DrillSites sites() {
        return sites;
    }

    SiteBLedger siteB() {
        return siteB;
    }

    SlackSink slack() {
        return slack;
    }

    SmtpSink smtp() {
        return smtp;
    }

    OperatorTokens tokens() {
        return tokens;
    }

    /**
     * Each observer's public key file, by observer id, in the order of {@link DrillTopology#OBSERVER_ORDER}: what
     * failover-service needs to check that a vote is signed by the observer it names. Empty before {@link #start}.
     */
    Map<String, Path> observerPublicKeys() {
        Map<String, Path> keys = new LinkedHashMap<>();
        observerKeys.forEach((observer, files) -> keys.put(observer, files.publicKey()));
        return keys;
    }

    ServiceProcess process(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        return process;
    }

    Map<String, ServiceProcess> processes() {
        return Map.copyOf(processes);
    }

    BrokerProxy proxy(String name) {
        return proxies.get(name);
    }

    /** Restarts an observer with its clock set off by {@code offset} (health-service pra.health.clock-offset). */
    void skew(String observer, Duration offset) {
        clockOffsets.put(observer, offset);
        ServiceProcess old = processes.get(observer);
        old.kill();
        ServiceProcess fresh = launches.observer(observer, old.httpPort(), bootstrap(observer), offset,
                observerKeys.get(observer));
        processes.put(observer, fresh);
        fresh.start();
    }

    /** Writes an operator token (roles pra-viewer, pra-operator) to {@code <run dir>/operator.token}. */
    Path writeOperatorToken() {
        Path file = runDir.resolve("operator.token");
        try {
            Files.writeString(file, tokens.operatorToken("drill-operator"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void restartDatabase(Duration down) {
        if (!postgres.isOwned()) {
            throw new IllegalStateException("db-restart needs a database the drill started (PRA_DB_URL is set)");
        }
        postgres.stop();
        sleep(down);
        postgres.start();
    }

    void restartBroker(Duration down) {
        broker.stop();
        sleep(down);
        broker.start();
    }

    /** Stops every process, then the broker, database, sites and sinks. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // SIGTERM to every process first: each takes up to a few seconds to stop (Kafka consumers leave their
        // groups), and they need not wait for one another.
        processes.values().forEach(ServiceProcess::requestStop);
        processes.values().stream().map(p -> CompletableFuture.runAsync(p::close, CLOSER)).toList()
                .forEach(CompletableFuture::join);
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                progress.line("STOP      " + toClose.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    static Path createRunDir(String scenarioName) {
        try {
            String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter
                    .ofPattern("yyyyMMdd-HHmmss"));
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "pra-drill"));
            return Files.createTempDirectory(base, stamp + "-" + scenarioName.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
