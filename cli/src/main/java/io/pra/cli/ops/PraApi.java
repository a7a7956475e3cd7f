package io.pra.cli.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.pra.events.EventJson;

/**
 * A small JSON-over-HTTP client for PRA's REST APIs, with errors that say what to do: the service is
 * unreachable, the token was refused (401) or lacks a role (403), or the service answered with an error.
 */
public final class PraApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String service;
    private final String baseUrl;
    private final String token;

    public PraApi(String service, String baseUrl, String token) {
        this.service = service;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 401) {
                throw new ApiException(service + " refused the token (401 Unauthorized) for " + method + " " + uri
                        + ": give a valid bearer token with --token or PRA_TOKEN", status);
            }
            if (status == 403) {
                throw new ApiException(service + " refused the request (403 Forbidden) for " + method + " " + uri
                        + ": the token lacks the role it needs (pra-operator to act, pra-viewer to read)", status);
            }
            if (status >= 400) {
                throw new ApiException(service + " answered " + status + " to " + method + " " + uri + ": "
                        + abbreviate(response.body()), status);
            }
            String text = response.body();
            return text == null || text.isBlank() ? EventJson.mapper().nullNode() : EventJson.mapper().readTree(text);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ApiException(service + " is unreachable at " + baseUrl + " (" + e.getClass().getSimpleName()
                    + "): is it running? Set its URL with the option or environment variable shown in --help", 0);
        } catch (HttpTimeoutException e) {
            throw new ApiException(service + " did not answer " + method + " " + uri + " within 15 s", 0);
        } catch (JsonProcessingException e) {
            throw new ApiException(service + " answered something that is not JSON: " + e.getOriginalMessage(), 0);
        } catch (IOException e) {
            throw new ApiException(service + " is unreachable at " + baseUrl + ": " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted", 0);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    /** A failed call, with a message for the operator and the HTTP status (0 when there was no answer). */
    public static final class ApiException extends RuntimeException {

        private final int status;

        public ApiException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
