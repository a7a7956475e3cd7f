package io.pra.failover.service;

/** The site or run an operator named does not exist; the message names it. */
public class NoSuchRecord extends RuntimeException {

    public NoSuchRecord(String message) {
        super(message);
    }
}
