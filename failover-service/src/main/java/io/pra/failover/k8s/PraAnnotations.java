package io.pra.failover.k8s;

import java.util.Map;
import java.util.OptionalLong;
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

    /** The epoch of the run that last changed the object; empty when no run did (or the value is not a number). */
    public static OptionalLong epoch(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get(EPOCH);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True when {@code annotations} say run {@code failoverId} made the change. */
    public static boolean madeBy(Map<String, String> annotations, UUID failoverId) {
        return annotations != null && failoverId.toString().equals(annotations.get(FAILOVER_ID));
    }
}
