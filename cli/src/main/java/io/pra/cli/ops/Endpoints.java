package io.pra.cli.ops;

import picocli.CommandLine.Option;

/** Where a running PRA is and the token to present: options, else {@code PRA_*} environment variables. */
public final class Endpoints {

    @Option(names = "--failover-url", paramLabel = "URL",
            defaultValue = "${env:PRA_FAILOVER_URL:-http://localhost:8083}",
            description = "failover-service base URL (env PRA_FAILOVER_URL, default ${DEFAULT-VALUE}).")
    String failoverUrl;

    @Option(names = "--backup-url", paramLabel = "URL",
            defaultValue = "${env:PRA_BACKUP_URL:-http://localhost:8081}",
            description = "backup-service base URL (env PRA_BACKUP_URL, default ${DEFAULT-VALUE}).")
    String backupUrl;

    @Option(names = "--token", paramLabel = "JWT", defaultValue = "${env:PRA_TOKEN}",
            description = "Bearer token (roles pra-viewer / pra-operator) for failover-service (env PRA_TOKEN).")
    String token;

    PraApi failover() {
        return new PraApi("failover-service", failoverUrl, token);
    }

    PraApi backup() {
        return new PraApi("backup-service", backupUrl, token);
    }
}
