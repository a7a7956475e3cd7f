package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pra approve ID}: approves a failover waiting for an operator. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve failover ID, which waits for an operator (needs role pra-operator; not its requester).")
public final class ApproveCommand extends OperatorCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Failover id (see pra status).")
    String id;

    @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "Kept in the audit log.")
    String comment;

    @Override
    void run(PrintWriter out) {
        var answer = endpoints.failover().post("/api/v1/failovers/" + id + "/approve", Map.of("comment", comment));
        out.println("failover " + id + " approved");
        printObject(out, answer, "  ");
    }
}
