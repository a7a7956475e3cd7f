package io.pra.notifier.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.SendOutcome;

/**
 * Posts JSON to webhook URLs with timeouts, and turns the answer into a {@link SendOutcome}. The
 * URL is a secret: it is kept out of every error text this class produces.
 */
@ApplicationScoped
public class HttpPoster {

    private static final int MAX_BODY_IN_ERROR = 200;

    private final HttpClient client;
    private final Duration timeout;

    HttpPoster(NotifierConfig config) {
        this.timeout = config.delivery().httpTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Posts {@code body} to {@code url}. */
    public SendOutcome post(String url, String contentType, byte[] body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return SendOutcome.reject("the configured URL is not a valid URL");
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), url);
            return SendOutcome.retry(e.getClass().getSimpleName() + detail, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("interrupted", Optional.empty());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendOutcome.delivered();
        }
        String error = "HTTP " + status + " " + Redaction.scrub(abbreviate(response.body()), url);
        if (status == 429 || status == 408 || status >= 500) {
            return SendOutcome.retry(error, retryAfter(response));
        }
        return SendOutcome.reject(error);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                // An HTTP date is allowed too; Slack sends seconds, so fall back to our own backoff.
                return Optional.empty();
            }
        });
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_BODY_IN_ERROR ? text : text.substring(0, MAX_BODY_IN_ERROR) + "…";
    }
}
