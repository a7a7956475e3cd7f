package io.pra.testkit.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code fieldValidation} parameter of a write, which says what the API server does with unknown fields: drop
 * them silently, drop them with a {@code Warning} header each (the default), or refuse the request.
 */
enum FieldValidation {
    IGNORE("Ignore"), WARN("Warn"), STRICT("Strict");

    private final String value;

    FieldValidation(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** The mode a request URI asks for ({@code WARN} when it names none); empty for a value the API refuses. */
    static Optional<FieldValidation> of(String uri) {
        String given = given(uri);
        if (given.isEmpty()) {
            return Optional.of(WARN);
        }
        for (FieldValidation mode : values()) {
            if (mode.value.equals(given)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The value of the {@code fieldValidation} parameter of {@code uri}, {@code ""} when absent. */
    static String given(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return "";
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals("fieldValidation")) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
