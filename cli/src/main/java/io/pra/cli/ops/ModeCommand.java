package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pra mode SITE MODE}: sets a site's failover mode. */
@Command(name = "mode", mixinStandardHelpOptions = true,
        description = "Set the failover mode of SITE: AUTO, MANUAL (every run waits for approval) or OFF (needs role pra-operator).")
public final class ModeCommand extends OperatorCommand {

    /** The modes failover-service knows. */
    enum Mode { AUTO, MANUAL, OFF }

    @Parameters(index = "0", paramLabel = "SITE")
    String site;

    @Parameters(index = "1", paramLabel = "MODE", description = "AUTO, MANUAL or OFF.")
    Mode mode;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "set with pra mode",
            description = "Why, for the audit log (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    void run(PrintWriter out) {
        var body = new TreeMap<>(Map.of("mode", mode.name(), "reason", reason));
        var answer = endpoints.failover().put("/api/v1/sites/" + site + "/mode", body);
        out.println("site " + site + " is now in mode " + mode);
        printObject(out, answer, "  ");
    }
}
