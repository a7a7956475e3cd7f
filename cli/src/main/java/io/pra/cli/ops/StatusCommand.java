package io.pra.cli.ops;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code pra status}: sites (mode, epoch, votes, active run), RPO exposure per group and the last backups. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show sites (mode, epoch, votes, active run), RPO exposure per protection group and the last backups.")
public final class StatusCommand extends OperatorCommand {

    @Override
    void run(PrintWriter out) {
        JsonNode sites = endpoints.failover().get("/api/v1/sites");
        out.println("SITES (" + endpoints.failoverUrl + ")");
        for (JsonNode site : sites.isArray() ? sites : sites.path("sites")) {
            String id = site.hasNonNull("siteId") ? text(site, "siteId") : text(site, "id");
            out.println("  site " + id);
            printObject(out, site, "    ");
        }
        JsonNode groups = endpoints.backup().get("/api/v1/groups");
        out.println("PROTECTION GROUPS (" + endpoints.backupUrl + ")");
        out.printf("  %-16s %-6s %-14s %-14s %s%n", "GROUP", "SITE", "RPO EXPOSURE", "OBJECTIVE", "LAST VERIFIED BACKUP");
        for (JsonNode group : groups) {
            out.printf("  %-16s %-6s %-14s %-14s %s%n", text(group, "name"), text(group, "sourceSite"),
                    seconds(group.path("rpoExposureSeconds")) + " " + text(group, "rpoLevel"),
                    seconds(group.path("rpoObjectiveSeconds")), text(group, "lastVerifiedBackup"));
        }
        JsonNode backups = endpoints.backup().get("/api/v1/backups?limit=5");
        out.println("LAST BACKUPS");
        BackupsCommand.table(out, backups);
    }

    private static String seconds(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asLong() + "s";
    }
}
