package io.pra.cli.ops;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pra backups [--group GROUP]}: the backup catalog, newest first. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "List backups from backup-service's catalog.")
public final class BackupsCommand extends OperatorCommand {

    @Option(names = "--group", paramLabel = "GROUP", description = "Only this protection group.")
    String group;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void run(PrintWriter out) {
        String query = "?limit=" + limit + (group == null ? "" : "&group=" + URLEncoder.encode(group,
                StandardCharsets.UTF_8));
        table(out, endpoints.backup().get("/api/v1/backups" + query));
    }

    static void table(PrintWriter out, JsonNode backups) {
        String row = "  %-44s %-10s %-16s %-22s %-6s %s%n";
        out.printf(row, "NAME", "GROUP", "PHASE", "STARTED", "ITEMS", "OFF-SITE");
        for (JsonNode b : backups) {
            out.printf(row, text(b, "name"), text(b, "group"), text(b, "phase"), text(b, "startedAt"),
                    text(b, "itemsBackedUp"), b.path("offsiteVerifiedAt").isNull() ? "no" : text(b, "offsiteVerifiedAt"));
        }
    }
}
