package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pra abort ID --reason TEXT}: aborts a failover that has not cut over yet. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Abort failover ID (needs role pra-operator).")
public final class AbortCommand extends OperatorCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Failover id (see pra status).")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit log).")
    String reason;

    @Override
    void run(PrintWriter out) {
        var answer = endpoints.failover().post("/api/v1/failovers/" + id + "/abort", Map.of("reason", reason));
        out.println("failover " + id + " aborted");
        printObject(out, answer, "  ");
    }
}
