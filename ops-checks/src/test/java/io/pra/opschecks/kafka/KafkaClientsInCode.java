package io.pra.opschecks.kafka;

import io.pra.events.EventType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka clients PRA's code creates, read from its sources the way the code builds them:
 * <ul>
 * <li>each SmallRye Kafka channel of a service's {@code src/main/resources/application.properties} (profiles other
 * than the default ignored): an incoming channel consumes its {@code topic}/{@code topics} in its {@code group.id}
 * (Quarkus' default: the application's name) and, when it dead-letters ({@code failure-strategy=dead-letter-queue},
 * or a strategy of the service's own with a {@code dead-letter-queue.topic}, which delegates to it), produces to its
 * dead-letter topic; an outgoing channel produces to its topic, idempotently unless {@code enable.idempotence=false},
 * under its {@code transactional.id} if it has one;</li>
 * <li>the outbox relay of a service that has one (its own {@code messaging/outbox/OutboxRelay.java}, or the
 * service-kit's when it imports {@code io.pra.kit.outbox}): an idempotent producer to the topic of every event type
 * whose record the service's code constructs ({@link EventType}, the one registry of types and topics);</li>
 * <li>the cli's {@code pra events} consumer: every declared topic its subscription pattern matches, in a group
 * named from a prefix at run time.</li>
 * </ul>
 * Quarkus' Kafka health check (an admin client's DescribeCluster) needs no ACL. Any other place that creates a Kafka
 * client is reported by {@link #unmodelledClients}, so that no client escapes the check.
 */
public final class KafkaClientsInCode {

    private static final Pattern CHANNEL = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)$");
    private static final String CONNECTOR_DEFAULTS = "mp.messaging.connector.smallrye-kafka.";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern CONSTRUCTED = Pattern.compile("\\bnew\\s+([A-Z]\\w*)\\s*\\(");
    private static final Pattern CREATES_CLIENT = Pattern.compile(
            "\\bnew\\s+Kafka(?:Producer|Consumer|AdminClient)\\s*[<(]|\\bAdmin(?:Client)?\\s*\\.\\s*create\\s*\\(");
    private static final Pattern CLI_GROUP = Pattern.compile("GROUP_ID_CONFIG\\s*,\\s*\"([^\"]+)\"\\s*\\+");
    private static final Pattern CLI_SUBSCRIPTION = Pattern.compile("subscribe\\(Pattern\\.compile\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)\\)");
    static final String PRA_EVENTS = "cli/src/main/java/io/pra/cli/ops/EventsCommand.java";

    private final Path root;

    /** Reads the modules under {@code root}, the repository. */
    public KafkaClientsInCode(Path root) {
        this.root = root;
    }

    /** Every Kafka client of one service: its channels, their dead-letter producers and its outbox relay. */
    public List<KafkaClient> ofService(String service) {
        Properties properties = load(root.resolve(service).resolve("src/main/resources/application.properties"));
        String application = properties.getProperty("quarkus.application.name", service);
        Map<String, Map<String, String>> incoming = new TreeMap<>();
        Map<String, Map<String, String>> outgoing = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches()) {
                (channel.group(1).equals("incoming") ? incoming : outgoing)
                        .computeIfAbsent(channel.group(2), c -> new TreeMap<>()).put(channel.group(3), resolve(properties.getProperty(key)));
            }
        }
        List<KafkaClient> clients = new ArrayList<>();
        incoming.forEach((name, attributes) -> clients.addAll(incoming(service, application, name, with(properties, attributes))));
        outgoing.forEach((name, attributes) -> clients.addAll(outgoing(service, name, with(properties, attributes))));
        outboxRelay(service).ifPresent(clients::add);
        return clients;
    }

    /** The cli's {@code pra events}: lists the topics, then reads every declared one its pattern matches. */
    public KafkaClient praEvents(Collection<String> declaredTopics) {
        String source = read(root.resolve(PRA_EVENTS));
        Matcher group = CLI_GROUP.matcher(source);
        Matcher subscription = CLI_SUBSCRIPTION.matcher(source);
        if (!group.find() || !subscription.find()) {
            throw new IllegalStateException(PRA_EVENTS + ": no group id prefix or subscription pattern where this check "
                    + "looks for them; teach " + KafkaClientsInCode.class.getSimpleName() + " the new way");
        }
        Pattern topics = Pattern.compile(subscription.group(1).replace("\\\\", "\\"));
        List<KafkaNeed> needs = new ArrayList<>();
        for (String topic : new TreeSet<>(declaredTopics)) {
            if (topics.matcher(topic).matches()) {
                needs.addAll(KafkaNeed.consume(topic, group.group(1), true));
            }
        }
        return new KafkaClient("cli", "pra events", needs);
    }

    /**
     * Main source files of the given services, the service kit and the cli that create a Kafka client other than the
     * ones this class reads (the outbox relays and {@code pra events}), relative to the repository.
     */
    public List<String> unmodelledClients(Collection<String> services) {
        List<String> modules = new ArrayList<>(services);
        modules.add("service-kit");
        modules.add("cli");
        List<String> found = new ArrayList<>();
        for (String module : modules) {
            for (Path file : javaFiles(root.resolve(module).resolve("src/main/java"))) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                boolean modelled = relative.equals(PRA_EVENTS) || file.getFileName().toString().equals("OutboxRelay.java");
                if (!modelled && CREATES_CLIENT.matcher(read(file)).find()) {
                    found.add(relative);
                }
            }
        }
        return found;
    }

    private static List<KafkaClient> incoming(String service, String application, String channel, Map<String, String> attributes) {
        if (!"smallrye-kafka".equals(attributes.get("connector"))) {
            return List.of();
        }
        if (Boolean.parseBoolean(attributes.getOrDefault("pattern", "false"))) {
            throw new IllegalStateException(service + ": channel " + channel + " subscribes by pattern, which this check does not read yet");
        }
        String group = attributes.getOrDefault("group.id", application);
        List<KafkaNeed> needs = new ArrayList<>();
        for (String topic : topics(channel, attributes)) {
            needs.addAll(KafkaNeed.consume(topic, group, false));
        }
        List<KafkaClient> clients = new ArrayList<>(List.of(new KafkaClient(service, "channel " + channel + " (incoming)", needs)));
        String strategy = attributes.getOrDefault("failure-strategy", "fail");
        String deadLetterTopic = attributes.get("dead-letter-queue.topic");
        if (strategy.equals("dead-letter-queue") || deadLetterTopic != null) {
            String topic = deadLetterTopic != null ? deadLetterTopic : "dead-letter-topic-" + channel;
            clients.add(new KafkaClient(service, "channel " + channel + " dead-letter producer", KafkaNeed.produce(topic, true)));
        }
        return clients;
    }

    private static List<KafkaClient> outgoing(String service, String channel, Map<String, String> attributes) {
        if (!"smallrye-kafka".equals(attributes.get("connector"))) {
            return List.of();
        }
        boolean idempotent = !"false".equals(attributes.get("enable.idempotence"));
        List<KafkaNeed> needs = new ArrayList<>(KafkaNeed.produce(attributes.getOrDefault("topic", channel), idempotent));
        if (attributes.containsKey("transactional.id")) {
            needs.addAll(KafkaNeed.transactionalId(attributes.get("transactional.id")));
        }
        return List.of(new KafkaClient(service, "channel " + channel + " (outgoing)", needs));
    }

    private Optional<KafkaClient> outboxRelay(String service) {
        List<Path> sources = javaFiles(root.resolve(service).resolve("src/main/java"));
        boolean relay = sources.stream().anyMatch(f -> f.endsWith(Path.of("messaging", "outbox", "OutboxRelay.java"))
                || read(f).contains("import io.pra.kit.outbox."));
        if (!relay) {
            return Optional.empty();
        }
        Set<String> topics = new TreeSet<>();
        for (Path file : sources) {
            String source = read(file);
            Matcher constructed = CONSTRUCTED.matcher(source);
            while (constructed.find()) {
                eventType(constructed.group(1), source).ifPresent(type -> topics.add(type.topic()));
            }
        }
        List<KafkaNeed> needs = topics.stream().flatMap(topic -> KafkaNeed.produce(topic, true).stream()).distinct().toList();
        return Optional.of(new KafkaClient(service, "outbox relay", needs));
    }

    /** The event type of a record constructed in a source file that imports it from the events module. */
    private static Optional<EventType> eventType(String simpleName, String source) {
        return Stream.of(EventType.values())
                .filter(type -> type.recordClass().getSimpleName().equals(simpleName)
                        && source.contains("import " + type.recordClass().getName() + ";"))
                .findFirst();
    }

    private static List<String> topics(String channel, Map<String, String> attributes) {
        if (attributes.containsKey("topics")) {
            return Stream.of(attributes.get("topics").split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        }
        return List.of(attributes.getOrDefault("topic", channel));
    }

    /** A channel's attributes over the connector's defaults. */
    private static Map<String, String> with(Properties properties, Map<String, String> attributes) {
        Map<String, String> merged = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(CONNECTOR_DEFAULTS)) {
                merged.put(key.substring(CONNECTOR_DEFAULTS.length()), resolve(properties.getProperty(key)));
            }
        }
        merged.putAll(attributes);
        return merged;
    }

    /** A value with its {@code ${ENV:default}} expressions replaced by their defaults, as a deployment without the variable reads it. */
    private static String resolve(String value) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            if (expression.group(2) == null) {
                throw new IllegalStateException("'" + value + "' has no default this check could read");
            }
            expression.appendReplacement(resolved, Matcher.quoteReplacement(expression.group(2)));
        }
        return expression.appendTail(resolved).toString();
    }

    private static Properties load(Path file) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties withoutProfiles = new Properties();
        loaded.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> withoutProfiles.setProperty(key, loaded.getProperty(key)));
        return withoutProfiles;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
