package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pra failover SITE --reason TEXT}: asks failover-service for a manual failover of a site. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Request a manual failover of SITE (needs role pra-operator).")
public final class FailoverCommand extends OperatorCommand {

    @Parameters(index = "0", paramLabel = "SITE")
    String site;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit log).")
    String reason;

    @Override
    void run(PrintWriter out) {
        var answer = endpoints.failover().post("/api/v1/sites/" + site + "/failover", Map.of("reason", reason));
        out.println("failover of site " + site + " requested");
        printObject(out, answer, "  ");
    }
}
