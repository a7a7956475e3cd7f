package io.pra.failover.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;

import io.pra.failover.domain.SiteMode;

/** Checks of operator input, each failing with a 400 that says what is expected. */
final class RequestChecks {

    static final int MAX_LIMIT = 500;
    static final int MAX_REASON = 1000;

    private RequestChecks() {
    }

    /** A non-blank reason of at most {@link #MAX_REASON} characters, trimmed. */
    static String reason(String reason, String example) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("a reason is required: body must be JSON like " + example);
        }
        if (reason.length() > MAX_REASON) {
            throw new BadRequestException("reason is longer than " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    static SiteMode mode(String mode) {
        String allowed = Arrays.toString(SiteMode.values());
        if (mode == null || mode.isBlank()) {
            throw new BadRequestException("mode is required, one of " + allowed);
        }
        try {
            return SiteMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("mode '" + mode + "' is not one of " + allowed);
        }
    }

    static UUID failoverId(String id) {
        return uuid(id, "failover id");
    }

    static UUID drillId(String id) {
        return uuid(id, "drill id");
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + id + "' is not a " + what + " (a UUID)");
        }
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw new BadRequestException("offset must be 0 or more, got " + offset);
        }
        return offset;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
