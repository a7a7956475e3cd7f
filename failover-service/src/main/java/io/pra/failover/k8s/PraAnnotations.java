package io.pra.failover.k8s;

import java.util.Map;
import java.util.UUID;

/** Annotations PRA puts on every object a run creates or changes, so a resumed step recognises its own effect. */
public final class PraAnnotations {

    public static final String EPOCH = "pra.io/epoch";
    public static final String FAILOVER_ID = "pra.io/failover-id";

    private PraAnnotations() {
    }

    /** The deterministic name of an object run {@code failoverId} creates. */
    public static String objectName(UUID failoverId) {
        return "pra-" + failoverId;
    }

    public static Map<String, String> of(UUID failoverId, long epoch) {
        return Map.of(EPOCH, Long.toString(epoch), FAILOVER_ID, failoverId.toString());
    }

    /** True when {@code annotations} say run {@code failoverId} made the change. */
    public static boolean madeBy(Map<String, String> annotations, UUID failoverId) {
        return annotations != null && failoverId.toString().equals(annotations.get(FAILOVER_ID));
    }
}
