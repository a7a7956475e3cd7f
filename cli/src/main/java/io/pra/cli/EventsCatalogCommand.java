package io.pra.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;

import io.pra.events.EventType;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pra contracts}: the Kafka topics PRA writes and the event types on each. */
@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "List PRA's Kafka topics, the CloudEvents types on each and their JSON Schemas.")
final class EventsCatalogCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-14s %-30s %s%n";
        out.printf(row, "TOPIC", "TYPE", "SCHEMA (in the pra-events jar)");
        Arrays.stream(EventType.values())
                .sorted(Comparator.comparing(EventType::topic).thenComparing(EventType::type))
                .forEach(type -> out.printf(row, type.topic(), type.type(), type.schemaResource()));
        out.flush();
    }
}
