package io.pra.cli.ops;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.pra.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pra dlq list [TOPIC]} and {@code pra dlq replay TOPIC [--id ID]}: the records PRA's services refused as
 * invalid, and their re-publication once the cause is fixed (a schema bump, a producer bug). Only invalid records are
 * dead-lettered: a valid event the database could not record is retried in place, never dead-lettered.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Show and re-publish dead letters (pra.dlq.<service>): the records a service refused as invalid.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
public final class DlqCommand implements Runnable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where Kafka is, shared by the subcommands. */
    static final class KafkaOption {
        @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
                defaultValue = "${env:PRA_KAFKA_BOOTSTRAP:-localhost:9092}",
                description = "Kafka bootstrap servers (env PRA_KAFKA_BOOTSTRAP, default ${DEFAULT-VALUE}).")
        String bootstrap;
    }

    /** One line per letter: where it sits, when, what it was, where it came from and why it was refused. */
    static String line(DeadLetters.Letter letter) {
        return "%s [%d]@%d  %s  %s id=%s from %s: %s".formatted(letter.dlqTopic(), letter.partition(),
                letter.offset(), TIME.format(letter.deadAt()), letter.type() == null ? "(no type)" : letter.type(),
                letter.id() == null ? "?" : letter.id(), letter.origin(), letter.reason());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every dead letter, one line each: topic, offset, time, type, id, origin, reason.")
    static final class ListLetters implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "TOPIC",
                description = "A dead-letter topic (pra.dlq.failover-service) or a service (failover-service); all when absent.")
        String topic;

        @picocli.CommandLine.Mixin
        KafkaOption kafka;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetters letters = new DeadLetters(kafka.bootstrap)) {
                List<String> topics = topic == null ? letters.topics() : List.of(DeadLetters.dlqTopic(topic));
                int count = 0;
                for (String dlq : topics) {
                    for (DeadLetters.Letter letter : letters.read(dlq)) {
                        out.println(line(letter));
                        count++;
                    }
                }
                out.println(count == 0 ? "no dead letter in " + (topic == null ? "pra.dlq.*" : topics.get(0))
                        : count + " dead letter" + (count == 1 ? "" : "s"));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Re-publish dead letters on the topic they came from: same key, value and CloudEvents "
                    + "headers, without the dead-letter headers.",
                    "Every consumer of that topic sees the record again and skips it if it had already recorded "
                            + "that event id. The letters stay in the dead-letter topic (Kafka is append-only). "
                            + "Votes (pra.health) are never replayed: they count only within their TTL."})
    static final class Replay implements Callable<Integer> {

        @Parameters(paramLabel = "TOPIC",
                description = "The dead-letter topic (pra.dlq.failover-service) or its service (failover-service).")
        String topic;

        @Option(names = "--id", paramLabel = "ID", description = "Only the letter with this CloudEvents id.")
        String id;

        @Option(names = "--dry-run", description = "Say what would be re-published, publish nothing.")
        boolean dryRun;

        @picocli.CommandLine.Mixin
        KafkaOption kafka;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String dlq = DeadLetters.dlqTopic(topic);
            try (DeadLetters letters = new DeadLetters(kafka.bootstrap)) {
                List<DeadLetters.Letter> chosen = new ArrayList<>();
                for (DeadLetters.Letter letter : letters.read(dlq)) {
                    if (id == null || id.equals(letter.id())) {
                        chosen.add(letter);
                    }
                }
                if (chosen.isEmpty()) {
                    if (id != null) {
                        err.println("no dead letter with id " + id + " in " + dlq);
                        err.flush();
                        return 1;
                    }
                    out.println("no dead letter in " + dlq);
                    out.flush();
                    return 0;
                }
                int replayed = 0;
                int skipped = 0;
                for (DeadLetters.Letter letter : chosen) {
                    String refusal = refusal(letter);
                    if (refusal != null) {
                        err.println("skipped " + line(letter) + ": " + refusal);
                        skipped++;
                        continue;
                    }
                    if (!dryRun) {
                        letters.republish(letter);
                    }
                    out.println((dryRun ? "would replay " : "replayed ") + (letter.id() == null ? "?" : letter.id())
                            + " (" + letter.type() + ") to " + letter.originalTopic());
                    replayed++;
                }
                out.println((dryRun ? "would replay " : "replayed ") + replayed + ", skipped " + skipped);
                out.flush();
                err.flush();
                return replayed == 0 ? 1 : 0;
            }
        }

        /** Why a letter cannot be re-published, or null when it can. */
        private static String refusal(DeadLetters.Letter letter) {
            String original = letter.originalTopic();
            if (original == null || original.isBlank()) {
                return "its dead-letter headers do not name the topic it came from";
            }
            if (original.startsWith(Topics.DLQ_PREFIX) || !original.startsWith("pra.")) {
                return "it came from " + original + ", not one of PRA's event topics";
            }
            if (original.equals(Topics.HEALTH)) {
                return "votes and health events count only within their TTL: a replayed one would be refused as stale";
            }
            return null;
        }
    }
}
