package io.pra.notifier.channel;

/** Removes a secret from text before it can reach a log, the database or the API. */
public final class Redaction {

    /** What replaces a secret. */
    public static final String REDACTED = "<redacted>";

    private Redaction() {
    }

    /** The text with every occurrence of the secret, and of its path after the host, replaced. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String scrubbed = text.replace(secret, REDACTED);
        int pathStart = secret.indexOf('/', secret.indexOf("//") + 2);
        if (pathStart > 0 && pathStart < secret.length() - 1) {
            scrubbed = scrubbed.replace(secret.substring(pathStart), REDACTED);
        }
        return scrubbed;
    }
}
