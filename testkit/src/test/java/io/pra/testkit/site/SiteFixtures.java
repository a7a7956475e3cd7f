package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.velero.Backup;
import io.pra.velero.BackupSpec;
import io.pra.velero.Velero;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Objects and settings shared by the fake-site tests. */
public final class SiteFixtures {

    /** Informers log every refused reconnect during an outage; the tests cause those on purpose. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("io.fabric8.kubernetes.client"), Logger.getLogger("io.vertx"),
            Logger.getLogger("io.netty"));

    private SiteFixtures() {
    }

    public static void quietClientLogs() {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    public static Backup backup(String name, String... namespaces) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Velero.DEFAULT_NAMESPACE).build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(namespaces.length == 0 ? List.of("shop") : List.of(namespaces));
        backup.setSpec(spec);
        return backup;
    }
}
