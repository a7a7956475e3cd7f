package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pra drill-now SITE}: starts a DR drill of a site (restore + verify on the standby, no cutover). */
@Command(name = "drill-now", mixinStandardHelpOptions = true,
        description = "Start a DR drill of SITE on the standby site now: restore and verify into drill-<ns>, never a cutover (needs role pra-operator).")
public final class DrillNowCommand extends OperatorCommand {

    @Parameters(index = "0", paramLabel = "SITE")
    String site;

    @Override
    void run(PrintWriter out) {
        var answer = endpoints.failover().post("/api/v1/drills", Map.of("site", site));
        out.println("drill of site " + site + " started");
        printObject(out, answer, "  ");
    }
}
