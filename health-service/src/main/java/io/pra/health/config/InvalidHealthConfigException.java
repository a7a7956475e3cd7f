package io.pra.health.config;

/** A setting of {@code pra.health} is wrong; the message names the setting (and so the site and check). */
public class InvalidHealthConfigException extends RuntimeException {

    public InvalidHealthConfigException(String message) {
        super(message);
    }
}
