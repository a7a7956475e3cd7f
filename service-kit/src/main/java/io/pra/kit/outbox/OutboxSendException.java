package io.pra.kit.outbox;

/** The broker did not acknowledge a batch in time; its rows stay unpublished and are sent again later. */
public class OutboxSendException extends Exception {

    private static final long serialVersionUID = 1L;

    OutboxSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
