package io.pra.velero;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The wire format of Kubernetes `metav1.Time`: RFC 3339 in UTC with whole seconds. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Formats as the API server does; sub-second precision is dropped like `metav1.Time` drops it. */
    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses any RFC 3339 timestamp (with offset or `Z`, with or without fraction); null stays null. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }
}
