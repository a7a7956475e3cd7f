package io.pra.bench.proc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Small blocking HTTP calls to the children (readiness, metrics, Prometheus API). */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** Status of a GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            return CLIENT.send(get(url, Duration.ofSeconds(2)), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Body of a GET that must answer 200. */
    public static String text(String url) {
        try {
            HttpResponse<String> response = CLIENT.send(get(url, Duration.ofSeconds(30)),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sum of the values of the Prometheus-format lines of {@code metric} that {@code labels} accepts. */
    public static double metricSum(String url, String metric, Predicate<String> labels) {
        try {
            HttpResponse<Stream<String>> response = CLIENT.send(get(url, Duration.ofSeconds(60)),
                    HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                return lines.filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                        .filter(labels)
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum();
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls {@code url} every 20 ms until it answers 200; returns {@link System#nanoTime()} of that answer.
     * Fails with the child's log when it dies or the bound passes.
     */
    public static long awaitOk(String url, Child child, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            child.requireAlive();
            if (status(url) == 200) {
                return System.nanoTime();
            }
            Pause.millis(20);
        }
        throw new IllegalStateException(child.name() + " not ready at " + url + " within " + bound + "; end of its log:\n"
                + child.tail(40));
    }

    private static HttpRequest get(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    }
}
