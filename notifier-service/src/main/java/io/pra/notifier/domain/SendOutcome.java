package io.pra.notifier.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What one send attempt gave. The error text never carries a channel's URL or credentials.
 *
 * @param sent       the receiver accepted the message
 * @param retryable  a later attempt may succeed
 * @param retryAfter the wait the receiver asked for (HTTP {@code Retry-After})
 * @param error      why it was not sent, or null
 */
public record SendOutcome(boolean sent, boolean retryable, Optional<Duration> retryAfter, String error) {

    /** Accepted. */
    public static SendOutcome delivered() {
        return new SendOutcome(true, false, Optional.empty(), null);
    }

    /** Not accepted; worth trying again. */
    public static SendOutcome retry(String error, Optional<Duration> retryAfter) {
        return new SendOutcome(false, true, retryAfter, error);
    }

    /** Not accepted and never will be (bad configuration, rejected content). */
    public static SendOutcome reject(String error) {
        return new SendOutcome(false, false, Optional.empty(), error);
    }
}
